import { ipcMain, screen, type BrowserWindow, type Rectangle } from 'electron';
import { IPC_WINDOW_CHANNEL, type RawOutcome } from '../../shared/contract/bridge.ts';
import { senderProblem, type IpcDeps } from './ipc.ts';
import { failed } from './outcomes.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The live room's projector screen (issue 15): a second window of the app, full screen on a display
 * other than the main window's when there is one (the projector), showing `#/projector/<meeting>`.
 * One at a time: asked again, the old one closes and the meeting asked for opens. It runs the same page as the main window,
 * with the same preload and the same checks; it is simply a second trusted window.
 */
export function registerProjectorWindow(
  deps: Pick<IpcDeps, 'getWindow' | 'getWindows' | 'policy' | 'log'> & {
    create(options: { route: string; bounds?: Rectangle; fullscreen: boolean }): BrowserWindow;
    onOpened(win: BrowserWindow): void;
  },
): void {
  let projector: BrowserWindow | null = null;
  ipcMain.handle(IPC_WINDOW_CHANNEL, (event, payload: unknown): RawOutcome => {
    const problem = senderProblem(event, { ...deps, callUi: async () => ({ ok: true, result: null }) });
    if (problem) {
      deps.log.warn({ reason: problem }, 'window request rejected');
      return failed('FORBIDDEN', 'Yêu cầu không đến từ cửa sổ của ứng dụng.', 'The request did not come from the app window.');
    }
    const request = payload as { op?: unknown; meetingId?: unknown } | null;
    if (!request || request.op !== 'projector' || typeof request.meetingId !== 'string' || !UUID.test(request.meetingId)) {
      return failed('INVALID_INPUT', 'Yêu cầu không đúng định dạng.', 'Malformed request.');
    }
    const route = `/projector/${request.meetingId}`;
    if (projector && !projector.isDestroyed()) projector.destroy();
    // The display the main window is not on: the projector a laptop has beside its own screen.
    const main = deps.getWindow();
    const here = main && !main.isDestroyed() ? screen.getDisplayMatching(main.getBounds()) : screen.getPrimaryDisplay();
    const other = screen.getAllDisplays().find((d) => d.id !== here.id);
    const created = deps.create({ route, ...(other ? { bounds: other.bounds } : {}), fullscreen: Boolean(other) });
    created.on('closed', () => {
      if (projector === created) projector = null;
    });
    projector = created;
    deps.onOpened(created);
    deps.log.info({ display: other ? 'second' : 'same' }, 'projector window opened');
    return { ok: true, result: null };
  });
}
