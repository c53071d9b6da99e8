import type { FormMessages } from './types';

/** English: complete, loaded on demand. */
export const en: FormMessages = {
  load: {
    loading: 'Loading the form…',
    errorTitle: 'The form could not be loaded',
    errorBody: 'Check your internet connection, then try again.',
    retry: 'Try again',
    notFound: 'This service was not found.',
    noFormTitle: 'You cannot apply online yet',
    noFormBody: 'This service has no online form yet. Apply in person, and bring the requirements below.',
    badLink:
      'This application link is not known. Check that the link is complete, or start a new application below.',
  },
  fee: {
    free: 'Free',
    variants: 'Depends on the type',
    unknown: 'Fee not known yet',
    from: 'from {amount}',
  },
  duration: {
    days: { one: '1 working day', other: '{n} working days' },
    sameDay: 'Same day',
    unknown: 'Time not known yet',
  },
  prepare: {
    intro: 'Before you start, have these ready.',
    requirements: 'What you need',
    requirementsHint: 'Tick what you have ready. The ticks stay on this screen only.',
    fee: 'Fee',
    duration: 'Time to complete',
    start: 'Start',
    resume: 'Continue',
    autosave: 'Your answers are saved as you go, so you can stop and continue later.',
  },
  step: {
    progress: 'Step {n} of {total}',
    continue: 'Continue',
    back: 'Back',
    optional: '(optional)',
    choose: 'Choose one',
    yes: 'Yes',
    wait: '{label}: wait until the upload has finished.',
    number: '{label} must be a number, for example 12 or 2.5.',
  },
  file: {
    choose: 'Choose a file',
    photo: 'Take a photo or choose a file',
    pages: '{n} pages',
    rules: '{types}, up to {size}.',
    uploading: 'Uploading {name}',
    percent: '{n}% sent',
    cancel: 'Cancel upload',
    cancelled: 'Upload of {name} cancelled.',
    failed: '{name} could not be uploaded.',
    retry: 'Try again',
    uploaded: '{name} has been uploaded.',
    list: 'Uploaded files',
    remove: 'Remove',
    removed: '{name} removed.',
    removeFailed: '{name} could not be removed. Check your internet connection, then try again.',
    size: { kb: '{n} KB', mb: '{n} MB' },
  },
  errors: {
    title: 'There is a problem',
    declaration: 'Tick the declaration that your information is true to send your application.',
    network: 'The internet connection dropped. Check your connection, then try again.',
  },
  check: {
    sending: 'Sending your application…',
    waitingBody:
      'The connection dropped while sending. Your application is kept on this device and will be sent automatically, exactly once, as soon as the connection returns.',
  },
  done: {
    title: 'Application sent',
    copied: '{what} copied',
    selected: '{what} is selected. Copy it with your device’s menu.',
  },
  submitted: {
    title: 'This application has been sent',
    withdrawn: 'This application was withdrawn',
    body: 'Application {code} has been sent and can no longer be changed here.',
    track: 'See the status of your application',
    another: 'Start a new application',
  },
  revision: {
    title: 'Your application needs corrections',
    note: 'Note from the officer',
    fields: 'What to correct',
    start: 'Start correcting',
  },
  save: {
    saving: 'Saving…',
    saved: 'Saved',
    local: 'Saved on this device',
    refused: 'Not saved on the server: {detail}',
    offline:
      'You are offline. Your answers are safe on this device and will be sent when you are connected again.',
    online: 'Connected again.',
  },
  resume: {
    summary: 'Continue on another device',
    body: 'Open this link on another device to continue your application there.',
    label: 'Link to continue',
    warning: 'This link is private: anyone who has it can read and change your application. Do not share it.',
    copy: 'Copy link',
  },
};
