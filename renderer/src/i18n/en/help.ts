import type { help as source } from '../vi/help.ts';

/** The in-app user guide in English (namespace 'help'). */
export const help: typeof source = {
  title: 'User guide',
  intro: 'Press F1 on any screen to open the part of this guide about that screen. All data stays on this computer and works with no network.',
  contents: 'Contents',
  back: 'Back to the previous screen',
  shortcut: 'Shortcut',
  topics: {
    start: {
      title: 'Getting started',
      lead: 'The first time the app opens, say who you are: name, position, unit and role (secretariat or committee member). The app makes you a signing key of your own for meeting packs and shared notes.',
      steps: [
        'Use the left bar or Ctrl+1 … Ctrl+7 to move between Meetings, Documents, Tasks, Search, Sync, Directory and Settings; Ctrl+8 opens Plans and targets.',
        'Ctrl+K opens search; typing without accents still finds (“duong sat” finds “Đường sắt”).',
        'Ctrl+Shift+D syncs now with the province’s operations system (once this computer is connected).',
        'Everything is saved as you work; there is no global “Save”. A sudden power loss does not lose what was saved.',
      ],
    },
    meetings: {
      title: 'Preparing and running a meeting',
      lead: 'The secretariat creates the meeting, builds the agenda, invites participants, attaches documents to each item, then publishes and sends the meeting pack to members.',
      steps: [
        'Meetings → “New meeting”: committee, kind, time, room or remote points, chair.',
        '“Agenda” tab: items, presenters, durations; drag and drop or Alt+↑/↓ to reorder; attach PDFs per item.',
        '“Participants” tab: add the whole committee or people, record replies (attending, absent, delegate); export invitations as PDF and .ics.',
        '“Publish” once the agenda is ready; later changes become revisions so members see what changed.',
        'During the meeting the “Attendance” tab records present, absent with reason, late, delegated, and shows the quorum.',
      ],
    },
    minutes: {
      title: 'Meeting minutes',
      lead: 'Once the meeting is in progress or has ended, the secretary opens “Minutes” on the meeting screen. The app prepares a draft in the layout of template 1.9 (Decree 30/2020/NĐ-CP) from the meeting; the secretary records opinions, votes and conclusions, then finalizes the minutes.',
      steps: [
        '“Create the minutes from the meeting”: time, place, chair, secretary, attendance and each agenda item are filled in; paragraphs with a blue bar on the left were written by the app and are yours to edit.',
        'Toolbar: bold (Ctrl+B), italic (Ctrl+I), underline (Ctrl+U), headings, lists, tables; undo Ctrl+Z, redo Ctrl+Y.',
        '“Opinion” (Alt+Shift+Y), “Vote” (Alt+Shift+B) and “Conclusion” (Alt+Shift+K) are inserted in the agenda item being written, right after the paragraph with the cursor. A conclusion has a lead unit, coordinating units and a deadline; the panel on the right lists the conclusions, click one to go to it.',
        'Votes: record the agree, disagree and other counts; choose “How the result is decided” (the committee’s own rule comes first, set in Directory → Committees); the members present come from the attendance and can be edited; the result “passed / not passed” shows at once and is printed in the minutes.',
        'The minutes save themselves as you type (Ctrl+S saves at once). If the window closes before a save, the app offers the unsaved part back next time. If another window saved first, the app says so and overwrites nothing.',
        '“Refresh from the meeting” updates the paragraphs the app wrote when the meeting changed (after attendance, for example); paragraphs you edited are kept. “Revision history” compares two revisions and restores an old one.',
        '“Finalize the minutes” locks the text and records its SHA-256 hash; to edit again, “Reopen” with a reason.',
        'Pasting from Word or a web page keeps paragraphs, headings, lists, tables, bold, italic and underline; fonts, sizes, colours and images are dropped. A paste of more than a million characters is refused (paste it in parts).',
        '“Conclusion notice”: the app drafts it from the conclusions, grouped by agenda item, with lead and coordinating units and deadlines. Edit the wording as in the minutes; enter the number the records office gives; pick recipients from the directory or type one and press Enter; choose the signing form (TM., KT., TL.) and the signer’s name. Once the minutes are finalized and the notice has a number, “Issue” locks it and records its hash; then “Export document” gives DOCX/PDF or adds it to the meeting’s documents. “Print preview (PDF)” shows the document as it will print, drafts included.',
      ],
    },
    tasks: {
      title: 'Tasks (follow-up of directives)',
      lead: 'A meeting’s conclusions become tasks assigned to a lead unit and coordinating units with a deadline. The app works out their timeliness in the Government Office’s four buckets: done on time, done late, in progress on time, in progress overdue.',
      steps: [
        'From the minutes: “Assign tasks from conclusions” → pick the conclusions → check each task’s lead unit, coordinating units and deadline → “Assign”. A conclusion becomes one task only.',
        'A deadline is a date, or N working days from the day assigned (Saturdays, Sundays, public holidays, the lunar New Year and compensatory days off skipped), or “ongoing”. The year’s official days off are edited in “Working calendar”.',
        'A task’s page: report progress (percent, text, evidence documents), report it done, accept or return it, request and approve an extension, send a reminder, pause, cancel (with a reason). Every step goes to its history and the audit log.',
        'Click a number at the top of the Tasks page to see the tasks behind it; pick “As of” to see the situation on another day. Every chart comes with its table.',
        'Before the next meeting, its “Agenda” tab offers to add “Review of the previous meeting’s conclusions”, listing the tasks still open.',
      ],
    },
    reports: {
      title: 'Periodic report',
      lead: 'Tasks → “Periodic report” sums up how the tasks stand per period (week, month, quarter, six months, nine months, year) and exports a Word report with an Excel data appendix. Figures close as Decree 09/2019/NĐ-CP says: a month runs from the 15th of the month before to the 14th of the month reported.',
      steps: [
        'Pick the kind of period, then one of the last 12 periods; each shows the days its data covers. Pick a steering committee to count only the tasks from its meetings and conclusions.',
        'The running period is counted up to today and tagged “Period not over yet”; a past period is counted as of its cut-off day, so a task completed after that day still counts as in progress for that period.',
        'The preview has the summary figures, the table by lead unit and the overdue tasks with their reasons; click a task to open its page.',
        'Enter the report’s number and the “Overall assessment, recommendations” (one paragraph per line; kept for each period), then click “Export Word (.docx)” or “Export Excel (.xlsx)”. Every export is recorded in the audit log.',
        'The cut-off day is changed in Settings → “Tasks and reports” (31 means calendar months).',
      ],
    },
    plans: {
      title: 'Plans and targets',
      lead: 'The “Plans and targets” area follows the steering committees’ action plans: each target has a lead unit, goals by year, quarter or month and the figures the unit reports; the app works out the rate and rates it Met, Nearly met or Not met.',
      steps: [
        '“Import a plan from Excel” (key I): choose an .xlsx with the plan’s title, the header row No. | Code | Target | Unit of measure | Lead unit and one column per period (Năm 2026, Quý I/2026, …). “Download the template” gives a file laid out the right way.',
        'Every row is previewed: groups (Roman numerals) and targets, rows with problems in red with the reason (e.g. a lead unit not in the directory). Edit the plan’s title if needed, then click “Import N targets”; “Cancel” writes nothing.',
        'In a plan, pick the period; the table shows goal, actual, rate and assessment. “Report a figure” records a period’s value (a comma for decimals works, e.g. 98,5); a correction is added, the old figure stays in the history.',
        'Click a target’s name for the chart of goal and actual over the periods of the same kind and the history of reports (who, when).',
        'The “Heat map” tab shows attainment by lead unit and group of targets. The met and nearly-met thresholds are edited at the top of the plan.',
        '“Export Word report” and “Export Excel” export the targets report of the chosen period.',
        'On a meeting’s agenda, “Weekly review” adds the item reviewing the week’s tasks, with the weekly report as a PDF.',
      ],
    },
    sync: {
      title: 'Sync with the operations system',
      lead: 'Sync sends the tasks assigned on this computer to the province’s operations system and brings back the units’ progress, completion reports and extension requests. Without a network the app works as usual.',
      steps: [
        'Connect: open “Sync” in the left bar (Ctrl+5), enter the operations system’s address, the client id and the secret the province’s administrator gave you (the administrator creates them with nghisu hub create-client), then click “Save and test connection”. The secret is stored apart and never shown again.',
        'Every change of a task (assigned, edited, progress reported, extension…) is queued on this computer at once, even offline, and sent when syncing; new changes from the operations system come back at the same time. The left bar shows the last sync and how many changes wait to be sent.',
        'Ctrl+Shift+D or the “Sync now” button in the left bar syncs now and says how many changes were sent and received.',
        'Classified tasks (Confidential, Secret, Top secret) never leave this computer.',
        'Conflicts: when a task was edited both here and on the operations system, neither copy is overwritten. The “Sync conflicts” page compares each differing field; you choose “Keep mine” or “Take the operations system’s version”.',
        'Refused changes (e.g. a unit without an organ code in the Directory) are listed with the reason; fix the cause and edit the task again, or click “Dismiss”.',
        'Meeting packs: on a published meeting’s screen, “Send through the operations system” sends the signed pack to the committee’s member units at the next sync (classified meetings are never sent). A unit’s computer receives the pack when syncing and imports it by itself if it trusts the signing key; otherwise the pack waits on the “Packs through the operations system” page: check the fingerprint with the committee’s secretariat, then click “Trust the signing key and import”.',
        'When syncing fails, the left bar says why and when it tries again. A wrong client id or secret needs the administrator to check.',
      ],
    },
    documents: {
      title: 'Documents',
      lead: 'PDFs and attachments are stored once on this computer, named by their SHA-256, readable with no network.',
      steps: [
        'Drop many files on Documents; number, notation, date and summary are read from page 1 for you to check.',
        'Set the classification (Mật, Tối mật, Tuyệt mật) of classified documents: they cannot be exported without a reason, and every page shows the reader’s name.',
        'Files that are not documents (programs, scripts) are never opened with the computer’s programs.',
      ],
    },
    reader: {
      title: 'Reading and annotating',
      lead: 'Members read meeting documents and highlight, draw and add notes on the page. Every stroke is saved as it ends.',
      steps: [
        'Tool keys: V select, H highlight, U underline, S strikeout, P pen, N note, T text box, R rectangle, E ellipse, A arrow, X eraser.',
        'Ctrl+Z undo, Ctrl+Y redo, Delete removes the selected note, Ctrl+F finds in the document.',
        'Notes are private until you turn on “Share with the meeting”; only shared notes go into the notes file for the secretariat.',
        '“Export / Import” menu: PDF with notes, PDF for printing, XFDF, “my notes” as DOCX or PDF.',
      ],
    },
    packs: {
      title: 'Meeting packs',
      lead: 'A meeting pack is one signed file carrying a published meeting and all its documents to a member’s laptop.',
      steps: [
        'Secretariat: in a published meeting choose “Export meeting pack” and hand the .nghisu file to members (USB, internal mail).',
        'Member: Meetings → “Receive meeting pack”. The first time, compare the key’s fingerprint with the secretariat by phone before trusting it.',
        'A pack that was altered, is missing files, is unsigned or older than the one imported is refused and nothing is stored.',
        'Classified documents in a pack are encrypted (number, notation and summary included) and open only on the laptops of participants whose keys the secretariat trusts (Directory → My profile → “Export public key”, sent to the secretariat). Before exporting, the secretariat sees who can open them and who has no key yet; a laptop not among them still gets the rest and is told which documents were not for it.',
      ],
    },
    room: {
      title: 'In the meeting room',
      lead: 'The room runs on the meeting room’s local network, no Internet needed: the current item, attendance, requests to speak, signed votes, the projector screen.',
      steps: [
        'Secretariat: once the meeting is “In progress”, “Meeting room” → pick the room’s network → “Open the room”. Give members the address (or the join link, or the QR code); the fingerprint is already in the pack they received.',
        'Member: in the meeting, “Join the room”, type the address, then “Join”. The laptop proves you are the member with your profile key, no password. Turn on “Follow the presenter” and the document and page move with the presenter’s.',
        'Chair/secretariat: choose the current item (with its timer against the plan), present a document page, check people in, order and give the floor, open a named or secret vote with or without a time limit, then “Close and count”.',
        'Results show on every laptop and the projector; in the minutes, “Refresh from the meeting” puts them under their item, with who voted how for a named vote. A member’s laptop that loses the network reconnects by itself; a ballot made meanwhile is sent when back, or refused if the vote has closed.',
        'The chair’s laptop stopped with the room open: start the app again, open “Room” and choose “Resume the room” — the same room on the same address; members’ laptops rejoin by themselves, named ballots stand, secret ballots are resent by the members’ laptops. A delegate (ủy quyền) joins with their own laptop and key.',
      ],
    },
    opinions: {
      title: 'Written opinions',
      lead: 'When the committee must decide between meetings, the secretariat asks the members in a signed request and summarises their answers.',
      steps: [
        'Secretariat: Meetings → “Written opinions” → “New request for opinions”: choose the committee, type the questions, the deadline, the documents and who is asked.',
        'Secretariat: in the request choose “Export the request file” and send the .nsykien file to the members.',
        'Member: “Import an opinion request”, compare the secretariat’s fingerprint if asked, read the documents, choose Agree / Disagree / Other opinion for each question, then “Export the answers file (signed)” for the secretariat. Changed your mind? Export again.',
        'Secretariat: “Import an answers file” from each person, see who answered and who is late, “Remind those who have not answered”, then “Export the summary (DOCX)”.',
        'When the computer is connected to the operations system: the secretariat uses “Send through the operations system” instead of a file; members receive the request when syncing and use “Send answers through the operations system”. Answers go only to the unit that sent the request; the first time, the secretariat compares the fingerprint and names the person under Sync → packs and opinions sent and received.',
      ],
    },
    directory: {
      title: 'Directory',
      lead: 'Units (with their codes), people, committees and members, rooms, shared catalogs, your profile and keys.',
      steps: [
        'Import staff lists from Excel or CSV: each row previewed, written only when you confirm.',
        '“My profile” tab: export your public key so the secretariat can trust the notes you share; see the keys you trust.',
      ],
    },
    settings: {
      title: 'Settings, backup and the audit log',
      lead: 'Language, theme, the provincial system’s address; version details for IT.',
      steps: [
        'App lock (Settings → “App lock and passphrase”): a passphrase protects your signing key; from then on the app locks at start, on Ctrl+L or the sider’s “Lock the app”, and after the idle minutes you choose. A forgotten passphrase cannot be recovered by anyone: keep a backup.',
        'Audit log (Settings → “Open the audit log”): who changed what and when; “Verify integrity” finds entries edited or removed outside the app; “Export to Excel” for an inspection.',
        'Backup and restore are for the administrator, on the command line: nghisu backup FILE, nghisu restore FILE (close the app first).',
        'The update server address is set by the administrator; an update installs only with a valid signature.',
      ],
    },
  },
};
