import { ErrorCode, TracegateError } from '../harness/errors.js';

/** The command line was wrong: the message names the command, the flag or value, and where to look for help. */
export class UsageError extends TracegateError {
  override readonly name = 'UsageError';
  constructor(message: string) {
    super(ErrorCode.InvalidArgument, message);
  }
}
