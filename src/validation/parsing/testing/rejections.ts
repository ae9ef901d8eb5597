import { UploadRejected } from '../upload-rejected';

/** The UploadRejected a synchronous call throws; fails the test if it throws nothing or something else. */
export function rejection(run: () => unknown): UploadRejected {
  try {
    run();
  } catch (error) {
    if (error instanceof UploadRejected) return error;
    throw error;
  }
  throw new Error('expected an UploadRejected');
}

/** The UploadRejected a promise rejects with; fails the test if it resolves or rejects with something else. */
export async function rejectionOf(promise: Promise<unknown>): Promise<UploadRejected> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof UploadRejected) return error;
    throw error;
  }
  throw new Error('expected an UploadRejected');
}
