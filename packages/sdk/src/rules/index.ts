// @loket/sdk/rules — the application rules the API server, the web components and the Storybook
// mocks share, so that none of them states a rule a second time: the state machine and which
// statuses belong together, whether an application can be edited, a file's type by its content,
// what a person may type for a secret, how a problem points at the field it refuses.
// No dependencies, no I/O; browsers, Node, Deno and Bun.
export { type EditRefusal, editRefusal, isEditable, isSubmitted } from './editing.js';
export { type AttachmentType, checkFile, detectType, type FileLimits, type FileProblem } from './files.js';
export { answerPointer, pointerSegment } from './pointer.js';
export { canonicalSecret, formatSecret, SECRET_SYMBOLS, secretFromBytes } from './secret.js';
export {
  krejcieMorgan,
  SKM_BANDS,
  SKM_UNSUR,
  SKM_WEIGHT,
  type SkmIndex,
  type SkmMutu,
  type SkmScore,
  skmBand,
  skmIndex,
  type Unsur,
} from './skm.js';
export { isFinal, isWithAgency } from './status.js';
export { type Actor, canTransition, canWithdraw } from './transitions.js';
