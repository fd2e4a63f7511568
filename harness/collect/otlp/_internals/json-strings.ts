import { intern } from '../../intern.js';

// V8's JSON.parse already returns one shared (internalized) instance for string values this short.
const ALREADY_SHARED_LENGTH = 10;

/** Interns a string that JSON.parse produced, skipping the lookup where V8 has already shared it. */
export function internJsonString(text: string): string {
  return text.length <= ALREADY_SHARED_LENGTH ? text : intern(text);
}
