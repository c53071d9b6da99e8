import type { SurveyMessages } from './types';

/** English: fetched only by English pages. */
export const en: SurveyMessages = {
  heading: 'Public satisfaction survey',
  kioskHeading: 'How was our service today?',
  intro:
    'Nine short questions about the service you received (PermenPANRB 14/2017). Anonymous: your answers are not stored with your application or anything about you.',
  start: 'Start the survey',
  loading: 'Loading the survey…',
  questionsHint: 'Choose one answer for each part of the service.',
  question: '{no}. {name}',
  profile: {
    legend: 'About you (optional)',
    hint: 'Helps to read the results. You may leave it empty.',
    none: 'Prefer not to say',
    age_band: {
      label: 'Age',
      options: {
        under_20: 'Under 20',
        '20_29': '20–29',
        '30_39': '30–39',
        '40_49': '40–49',
        '50_59': '50–59',
        '60_plus': '60 or over',
      },
    },
    sex: { label: 'Sex', options: { male: 'Male', female: 'Female' } },
    education: {
      label: 'Highest education',
      options: {
        none_primary: 'None or primary school',
        junior: 'Junior high school',
        senior: 'Senior high school',
        diploma: 'Diploma (D1–D4)',
        bachelor: "Bachelor's degree",
        postgraduate: "Master's or doctorate",
      },
    },
    occupation: {
      label: 'Occupation',
      options: {
        civil_servant: 'Civil servant',
        military_police: 'Military or police',
        private: 'Private employee',
        self_employed: 'Self-employed',
        student: 'Student',
        other: 'Other',
      },
    },
  },
  suggestion: 'Suggestions to improve the service (optional)',
  suggestionHint:
    'At most 2,000 characters. Do not write your name, NIK, phone number or application code: the survey is anonymous.',
  send: 'Send answers',
  sending: 'Sending answers…',
  errorTitle: 'There is a problem',
  errorPrefix: 'Error:',
  missing: 'Choose an answer for {name}',
  done: 'Thank you',
  doneBody: 'We have received your answers. Your rating helps to improve the service.',
  next: 'Next respondent',
  nextSoon: 'The survey goes back to the start shortly for the next respondent.',
  answered: 'The survey for this application has already been answered. Thank you.',
  answeredVisit: 'The survey for this visit has already been answered. Thank you.',
  linkUsed: 'This survey link has already been used: the survey has been answered. Thank you.',
  about: {
    application: 'About your application for {service}.',
    visit: 'About your visit to the counter for {service}.',
  },
  notYet: 'The satisfaction survey opens once the application is completed or rejected.',
  noKey: 'This survey opens from your application’s status page once it is completed or rejected.',
  problems: {
    network:
      'Your answers were not sent. Check your internet connection, then send again: your answers are still here.',
    link: 'This link no longer works (the secret may have been replaced). Open the survey from your application’s status page.',
    expired:
      'This survey link is unknown or has expired (it works for 30 days). You can still answer the survey from the status page with your secret.',
    kiosk: 'This device is no longer registered as a survey kiosk. Please tell the staff.',
    limited: 'Too many answers from this device in a short time.',
    origin: 'This site is not yet allowed to take survey answers for this region.',
    other: 'The answers could not be taken. Try again later.',
  },
  retry: 'Try again',
};
