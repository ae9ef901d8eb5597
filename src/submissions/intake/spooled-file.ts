/**
 * The `file` part of an upload as the intake left it: its bytes in a temporary file (mode 0600, removed
 * once the request is handled), their size and sha256 counted as they arrived.
 */
export interface SpooledFile {
  path: string;
  size: number;
  sha256: string;
  originalname?: string;
  mimetype?: string;
}
