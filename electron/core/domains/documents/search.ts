import type { Statement } from 'better-sqlite3';
import type { DocumentsInput, SearchHit, SearchResult } from '../../../../shared/contract/index.ts';
import type { ServiceContext } from '../../context.ts';
import { toSummary, type DocumentReader } from './document-rows.ts';
import { documentFilters } from './library.ts';
import { parseQuery } from './match-query.ts';
import { makeSnippet } from './snippet.ts';
import { pageScores } from './page-score.ts';

/**
 * At most this many matches (newest first) are ranked per index. Ranking every match of a common
 * word ("quy*" matches most pages) costs far more than the 30 ms budget at 100,000 pages, while
 * walking the index in rowid order stops early; a rarer word has every match ranked. Metadata is
 * ranked by bm25(); pages by page-score.ts, because bm25() first counts the phrase's matches in the
 * whole index (26 ms of a 36 ms search for "ban chỉ đạo" on the ten-year bench's 100,000 pages).
 */
const SCORED_AT_MOST = 250;

interface PageRow {
  rid: number;
  document_rid: number;
  document_id: string;
  page_no: number;
  text: string;
}

/**
 * Keyword search: documents whose metadata match come first (bm25, the title — number, notation,
 * file name, issuer, type — weighing more than the summary), then documents whose pages match,
 * by their best page. Each hit carries a few pages with a snippet cut from the original text.
 */
export function createSearchService(ctx: ServiceContext, reader: DocumentReader) {
  const { db } = ctx;
  const statements = new Map<string, Statement>();
  // Filters make a handful of SQL variants; each is prepared once.
  const prepared = (sql: string) => {
    let s = statements.get(sql);
    if (!s) statements.set(sql, (s = db.prepare(sql)));
    return s;
  };

  return {
    search(input: DocumentsInput<'documents.search'>): SearchResult {
      const query = parseQuery(input.query);
      const filters = documentFilters(input);
      const and = filters.sql.map((c) => ` AND ${c}`).join('');
      const { limit, pagesPerDocument } = input;

      // CROSS JOIN keeps the index as the outer loop, walked newest first and stopped early.
      const meta = prepared(
        `SELECT f.rowid AS rid, bm25(documents_fts, 10.0, 4.0) AS score
         FROM documents_fts f CROSS JOIN documents d ON d.rid = f.rowid
         WHERE documents_fts MATCH ?${and} ORDER BY f.rowid DESC LIMIT ${SCORED_AT_MOST}`,
      ).all(query.match, ...filters.params) as { rid: number; score: number }[];
      meta.sort((a, b) => a.score - b.score);

      // Scored here, not by bm25(): see page-score.ts for what that saves.
      const pages = prepared(
        `SELECT f.rowid AS rid, d.rid AS document_rid, p.document_id, p.page_no, p.text
         FROM document_pages_fts f CROSS JOIN document_pages p ON p.rid = f.rowid CROSS JOIN documents d ON d.id = p.document_id
         WHERE document_pages_fts MATCH ?${and} ORDER BY f.rowid DESC LIMIT ${SCORED_AT_MOST}`,
      ).all(query.match, ...filters.params) as PageRow[];
      const scores = pageScores(
        pages.map((p) => p.text),
        query.phrases,
      );
      const order = pages.map((_, i) => i).sort((a, b) => scores[b]! - scores[a]! || a - b);
      const rankedPages = order.map((i) => pages[i]!);

      const pagesByDoc = new Map<number, PageRow[]>();
      for (const row of rankedPages) {
        const list = pagesByDoc.get(row.document_rid);
        if (!list) pagesByDoc.set(row.document_rid, [row]);
        else if (list.length < pagesPerDocument) list.push(row);
      }
      const metaRids = new Set(meta.map((m) => m.rid));
      const ranked = [...metaRids, ...[...pagesByDoc.keys()].filter((rid) => !metaRids.has(rid))];
      const more = ranked.length > limit || meta.length === SCORED_AT_MOST || pages.length === SCORED_AT_MOST;

      const hits: SearchHit[] = [];
      for (const rid of ranked.slice(0, limit)) {
        const row = reader.byRid(rid);
        if (!row) continue;
        // A metadata hit whose pages were not among those scored shows none: searching its pages
        // alone would expand the query's prefix over the whole index once per document.
        const best = pagesByDoc.get(rid) ?? [];
        hits.push({
          document: toSummary(row),
          metadataHit: metaRids.has(rid),
          pages: best
            .sort((a, b) => a.page_no - b.page_no)
            .map((p) => ({ pageNo: p.page_no, snippet: makeSnippet(p.text, query.phrases) })),
        });
      }
      return { hits, more };
    },
  };
}
