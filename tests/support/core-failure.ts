import { CoreError } from '../../electron/core/index.ts';

/** The CoreError a call was refused with; anything else (or success) fails the test. */
export async function failure(p: Promise<unknown>): Promise<CoreError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof CoreError) return e;
    throw e;
  }
  throw new Error('expected the call to fail');
}
