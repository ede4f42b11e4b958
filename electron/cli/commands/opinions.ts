import { resolve } from 'node:path';
import { InvalidArgumentError, type Command } from 'commander';
import { opinionChoiceLabels, opinionChoices, type OpinionChoice, type OpinionImportResult, type OpinionRecipient, type OpinionRequestDetail, type OpinionSummary } from '../../../shared/contract/index.ts';
import { dateVi, timeDateVi } from '../../../shared/vn-time.ts';
import { collect, dayArg } from '../args.ts';
import { printResult, type Output } from '../output.ts';
import { formatBytes, withCore, type CommandContext } from '../with-core.ts';

const tr = (out: Output, vi: string, en: string) => (out.lang === 'vi' ? vi : en);

function choiceArg(value: string): OpinionChoice {
  const choice = value.trim().toLowerCase();
  if ((opinionChoices as readonly string[]).includes(choice)) return choice as OpinionChoice;
  throw new InvalidArgumentError('chọn agree (đồng ý), disagree (không đồng ý) hoặc other (ý kiến khác) / choose agree, disagree or other');
}

function recipientLine(out: Output, r: OpinionRecipient): string {
  const state = r.answeredAt
    ? `${tr(out, 'đã trả lời', 'answered')} ${timeDateVi(r.answeredAt)}${r.late ? tr(out, ' (sau thời hạn)', ' (late)') : ''}`
    : `${tr(out, 'CHƯA trả lời', 'NOT answered')}${r.remindedAt ? tr(out, `, đã đôn đốc ${timeDateVi(r.remindedAt)}`, `, reminded ${timeDateVi(r.remindedAt)}`) : ''}`;
  return `  ${r.name}${r.position ? `, ${r.position}` : ''}: ${state}`;
}

function detailText(out: Output, d: OpinionRequestDetail): string {
  const lines = [
    `${d.id}  ${d.title}`,
    `${tr(out, 'Ban Chỉ đạo', 'Committee')}: ${d.committee.name}`,
    `${tr(out, 'Hạn trả lời', 'Deadline')}: ${dateVi(d.deadline)}`,
    ...(d.signer ? [`${tr(out, 'Người ký phiếu', 'Signed by')}: ${d.signer.label} (${d.signer.fingerprint})`] : []),
    tr(out, 'Câu hỏi:', 'Questions:'),
    ...d.questionList.map((q, i) => {
      const mine = q.myAnswer ? `  → ${opinionChoiceLabels[q.myAnswer.choice][out.lang]}${q.myAnswer.text ? `: ${q.myAnswer.text}` : ''}` : '';
      return `  ${i + 1}. ${q.text}  [${q.id}]${mine}`;
    }),
  ];
  if (d.documents.length) lines.push(tr(out, 'Tài liệu:', 'Documents:'), ...d.documents.map((doc) => `  ${doc.fileName}  [${doc.id}]`));
  if (d.origin === 'local') {
    lines.push(tr(out, `Đã trả lời: ${d.answered}/${d.recipients}`, `Answered: ${d.answered}/${d.recipients}`), ...d.recipientList.map((r) => recipientLine(out, r)));
  }
  return lines.join('\n');
}

function importText(out: Output, r: OpinionImportResult): string {
  if (r.kind === 'request') {
    return tr(
      out,
      `Đã nhận phiếu lấy ý kiến "${r.title}" (${r.committee.name}): ${r.questions} câu hỏi, ${r.documents} tài liệu.\nNgười ký: ${r.signer.label} (${r.signer.fingerprint})\nMã phiếu: ${r.requestId}`,
      `Received the opinion request "${r.title}" (${r.committee.name}): ${r.questions} questions, ${r.documents} documents.\nSigned by: ${r.signer.label} (${r.signer.fingerprint})\nRequest id: ${r.requestId}`,
    );
  }
  if (r.unchanged) return tr(out, `Tệp trả lời của ${r.person.name} đã được nhập trước đó; không có gì thay đổi.`, `The answers of ${r.person.name} were imported before; nothing changed.`);
  const late = r.late ? tr(out, ' (sau thời hạn)', ' (late)') : '';
  const replaced = r.replaced ? tr(out, ', thay bản trả lời trước', ', replacing the earlier answers') : '';
  return tr(
    out,
    `Đã nhập ${r.answers} câu trả lời của ${r.person.name}, ký lúc ${timeDateVi(r.signedAt)}${late}${replaced}.`,
    `Imported ${r.answers} answers of ${r.person.name}, signed ${timeDateVi(r.signedAt)}${late}${replaced}.`,
  );
}

function summaryText(out: Output, s: OpinionSummary): string {
  const lines = [`${s.request.title} (${tr(out, 'hạn', 'deadline')} ${dateVi(s.request.deadline)})`];
  s.questions.forEach((q, i) => {
    const c = q.counts;
    lines.push(
      `${i + 1}. ${q.text}`,
      tr(out, `   Đồng ý ${c.agree}, không đồng ý ${c.disagree}, ý kiến khác ${c.other}, chưa có ý kiến ${c.none}`, `   Agree ${c.agree}, disagree ${c.disagree}, other ${c.other}, none ${c.none}`),
      ...q.texts.map((t) => `   - ${t.name} (${opinionChoiceLabels[t.choice][out.lang]}): ${t.text}`),
    );
  });
  lines.push(tr(out, `Chưa trả lời: ${s.notAnswered.map((p) => p.name).join(', ') || '(không)'}`, `Not answered: ${s.notAnswered.map((p) => p.name).join(', ') || '(none)'}`));
  return lines.join('\n');
}

/** A question named by its number in the request (1, 2, …) or by its id. */
function questionId(detail: OpinionRequestDetail, ref: string): string {
  const n = Number(ref);
  return Number.isInteger(n) && n >= 1 && n <= detail.questionList.length ? detail.questionList[n - 1]!.id : ref;
}

/** `nghisu opinions …`: lấy ý kiến bằng văn bản, on the secretariat's laptop and on a member's. */
export function registerOpinionCommands(program: Command, { globals, setExit }: CommandContext): void {
  const run = (body: Parameters<typeof withCore>[1]) => withCore(globals(), body).then(setExit);
  const opinions = program.command('opinions').description('lấy ý kiến thành viên bằng văn bản / written opinions of committee members');

  opinions
    .command('create')
    .description('lập phiếu lấy ý kiến / create an opinion request')
    .requiredOption('--committee <id>', 'mã Ban Chỉ đạo / committee id')
    .requiredOption('--title <text>', 'nội dung xin ý kiến / what the opinions are asked on')
    .requiredOption('--question <text>', 'một câu hỏi (lặp lại cho nhiều câu) / a question (repeat for more)', collect)
    .requiredOption('--deadline <date>', 'hạn trả lời YYYY-MM-DD / the last day to answer', dayArg)
    .option('--body <text>', 'lời dẫn / the request’s text')
    .option('--document <id>', 'tài liệu kèm theo (lặp lại) / an attached document (repeat)', collect)
    .option('--to <personId>', 'người được xin ý kiến (lặp lại; mặc định: thành viên Ban Chỉ đạo) / a person asked (repeat; default: the committee’s members)', collect)
    .action(async (o: { committee: string; title: string; question: string[]; deadline: string; body?: string; document?: string[]; to?: string[] }) => {
      await run(async (core, out) => {
        const d = await core.call('opinions.create', {
          committeeId: o.committee,
          title: o.title,
          body: o.body,
          questions: o.question,
          deadline: o.deadline,
          documentIds: o.document,
          recipientIds: o.to,
        });
        printResult(out, d, () => `${tr(out, 'Đã lập phiếu lấy ý kiến.', 'Opinion request created.')}\n${detailText(out, d)}`);
      });
    });

  opinions
    .command('list')
    .description('các phiếu lấy ý kiến trên máy / the opinion requests on this computer')
    .option('--committee <id>', 'chỉ của Ban Chỉ đạo này / only this committee’s')
    .action(async (o: { committee?: string }) => {
      await run(async (core, out) => {
        const list = await core.call('opinions.list', { committeeId: o.committee });
        printResult(out, list, () =>
          list.length === 0
            ? tr(out, 'Chưa có phiếu lấy ý kiến nào.', 'No opinion requests yet.')
            : list.map((r) => `${r.id}  ${dateVi(r.deadline)}  ${r.origin === 'local' ? `${r.answered}/${r.recipients}` : tr(out, 'đã nhận', 'received')}  ${r.title}`).join('\n'),
        );
      });
    });

  opinions
    .command('export')
    .description('xuất tệp phiếu lấy ý kiến có chữ ký để gửi thành viên / export the signed request file for the members')
    .argument('<requestId>', 'mã phiếu / request id')
    .requiredOption('--out <file>', 'tệp xuất (.nsykien) / the file to write')
    .option('--force', 'ghi đè nếu tệp đã có / overwrite an existing file', false)
    .action(async (requestId: string, o: { out: string; force: boolean }) => {
      await run(async (core, out) => {
        const r = await core.call('opinions.exportFile', { requestId, file: resolve(o.out), overwrite: o.force });
        printResult(out, r, () => tr(out, `Đã xuất ${r.file} (${formatBytes(r.bytes)}).\nKhóa ký: ${r.fingerprint}`, `Exported ${r.file} (${formatBytes(r.bytes)}).\nSigning key: ${r.fingerprint}`));
      });
    });

  opinions
    .command('answer')
    .description('thành viên trả lời một câu hỏi / a member answers one question')
    .argument('<requestId>', 'mã phiếu / request id')
    .requiredOption('--question <ref>', 'số thứ tự (1, 2, …) hoặc mã câu hỏi / the question’s number or id')
    .requiredOption('--choice <choice>', 'agree | disagree | other', choiceArg)
    .option('--text <text>', 'nội dung ý kiến (bắt buộc với other) / the opinion’s text (required for other)')
    .action(async (requestId: string, o: { question: string; choice: OpinionChoice; text?: string }) => {
      await run(async (core, out) => {
        const detail = await core.call('opinions.get', { requestId });
        const d = await core.call('opinions.answer', { requestId, questionId: questionId(detail, o.question), choice: o.choice, text: o.text });
        printResult(out, d, () => detailText(out, d));
      });
    });

  opinions
    .command('export-answers')
    .description('xuất tệp trả lời có chữ ký để gửi bộ phận thư ký / export the signed answers file for the secretariat')
    .argument('<requestId>', 'mã phiếu / request id')
    .requiredOption('--out <file>', 'tệp xuất (.nsykien) / the file to write')
    .option('--force', 'ghi đè nếu tệp đã có / overwrite an existing file', false)
    .action(async (requestId: string, o: { out: string; force: boolean }) => {
      await run(async (core, out) => {
        const r = await core.call('opinions.exportAnswersFile', { requestId, file: resolve(o.out), overwrite: o.force });
        printResult(out, r, () => tr(out, `Đã xuất tệp trả lời ${r.file}.\nKhóa ký: ${r.fingerprint}`, `Exported the answers ${r.file}.\nSigning key: ${r.fingerprint}`));
      });
    });

  opinions
    .command('import')
    .description('nhập tệp phiếu lấy ý kiến (máy thành viên) hoặc tệp trả lời (máy thư ký), đã kiểm tra chữ ký / import a request file (member) or an answers file (secretariat), verified')
    .argument('<file>', 'tệp .nsykien / the .nsykien file')
    .option(
      '--trust-signer',
      'tin cậy khóa đã ký tệp (đã đối chiếu dấu vân tay): cho Ban Chỉ đạo của phiếu, hoặc là khóa của người --person / trust the file’s key (fingerprint checked): for the request’s committee, or as the key of --person',
      false,
    )
    .option('--person <id>', 'người trong danh mục có khóa này (tệp trả lời) / the directory person holding this key (answers file)')
    .action(async (file: string, o: { trustSigner: boolean; person?: string }) => {
      await run(async (core, out) => {
        const r = await core.call('opinions.importFile', { file: resolve(file), trustSigner: o.trustSigner, personId: o.person });
        printResult(out, r, () => importText(out, r));
      });
    });

  opinions
    .command('status')
    .description('ai đã trả lời, ai chưa / who has answered and who has not')
    .argument('<requestId>', 'mã phiếu / request id')
    .action(async (requestId: string) => {
      await run(async (core, out) => {
        const d = await core.call('opinions.get', { requestId });
        printResult(out, d, () => detailText(out, d));
      });
    });

  opinions
    .command('remind')
    .description('ghi nhận đôn đốc những người chưa trả lời và in danh sách / record a reminder to those who have not answered, and list them')
    .argument('<requestId>', 'mã phiếu / request id')
    .action(async (requestId: string) => {
      await run(async (core, out) => {
        const r = await core.call('opinions.remind', { requestId });
        printResult(out, r, () =>
          r.people.length === 0
            ? tr(out, 'Tất cả đã trả lời; không cần đôn đốc.', 'Everyone has answered; no reminder needed.')
            : [tr(out, `Đôn đốc ${r.people.length} người chưa trả lời:`, `Reminder to ${r.people.length} people who have not answered:`), ...r.people.map((p) => `  ${p.name}${p.position ? `, ${p.position}` : ''}`)].join('\n'),
        );
      });
    });

  opinions
    .command('summary')
    .description('tổng hợp ý kiến; với --out, xuất báo cáo DOCX / the summary; with --out, the DOCX report')
    .argument('<requestId>', 'mã phiếu / request id')
    .option('--out <file>', 'tệp .docx / the .docx file')
    .option('--force', 'ghi đè nếu tệp đã có / overwrite an existing file', false)
    .action(async (requestId: string, o: { out?: string; force: boolean }) => {
      await run(async (core, out) => {
        if (!o.out) {
          const s = await core.call('opinions.summary', { requestId });
          printResult(out, s, () => summaryText(out, s));
          return;
        }
        const r = await core.call('opinions.exportSummaryFile', { requestId, file: resolve(o.out), overwrite: o.force });
        printResult(out, r, () => tr(out, `Đã xuất tổng hợp ý kiến ${r.file} (${formatBytes(r.bytes)}).`, `Exported the summary ${r.file} (${formatBytes(r.bytes)}).`));
      });
    });
}
