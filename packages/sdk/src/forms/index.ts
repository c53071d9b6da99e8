// @loket/sdk/forms — the one validator of form answers, shared by the browser components and
// the API server so they can never disagree. No dependencies; runs in browsers, Node, Deno, Bun.
export { hasAnswer } from './answers.js';
export { isCalendarDate, todayInJakarta } from './date.js';
export { declarationOf } from './declaration.js';
export { isEmail } from './email.js';
export { formMessagesEn } from './messages.en.js';
export { formMessagesId } from './messages.id.js';
export type { FormMessages, MessageParams } from './messages.js';
export { checkNik, type NikCheck, type NikReason, PROVINCE_CODES } from './nik.js';
export { compactDigits, normalizeAnswer, normalizeAnswers } from './numbers.js';
export { normalizePhone } from './phone.js';
export { sameAsFields, submittedAnswers } from './same-as.js';
export type {
  AnswerPatch,
  Answers,
  AnswersInput,
  AnswerValue,
  Attachment,
  AttachmentInfo,
  FieldCondition,
  FieldOption,
  FieldProblem,
  FieldType,
  FileRule,
  FormDefinition,
  FormField,
  FormLang,
  FormLike,
  FormStep,
  LocalizedText,
  ProblemCode,
  ValidateOptions,
  ValidationMode,
} from './types.js';
export { formMessages, validateAnswers } from './validate.js';
export {
  hiddenAnswerFields,
  isVisible,
  possibleSteps,
  requiredFileFields,
  visibleFields,
  visibleSteps,
} from './visibility.js';
