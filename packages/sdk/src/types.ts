// Curated names for the generated contract types. Every shape comes from openapi/loket.yaml
// through src/openapi.d.ts; nothing here restates a field.
import type { components, operations } from './openapi.js';

type Schemas = components['schemas'];

export type Lang = Schemas['Lang'];
export type Slug = Schemas['Slug'];
export type RegionCode = Schemas['RegionCode'];
export type ProvinceCode = Schemas['ProvinceCode'];
export type Channel = Schemas['Channel'];
export type Confidence = Schemas['Confidence'];
export type AgencyLevel = Schemas['AgencyLevel'];
export type CategoryRef = Schemas['CategoryRef'];
export type AgencyRef = Schemas['AgencyRef'];
export type FeeSummary = Schemas['FeeSummary'];
export type FeeVariant = Schemas['FeeVariant'];
export type Fee = Schemas['Fee'];
export type Duration = Schemas['Duration'];
export type ComplaintChannel = Schemas['ComplaintChannel'];
export type Complaint = Schemas['Complaint'];
export type ServiceSummary = Schemas['ServiceSummary'];
export type Override = Schemas['Override'];
export type Service = Schemas['Service'];
export type Facet = Schemas['Facet'];
export type Page = Schemas['Page'];
export type ServiceList = Schemas['ServiceList'];
/** An empty search's answer: no service covers the query (`kind`), and where to complain instead. */
export type NoMatch = Schemas['NoMatch'];
export type Category = Schemas['Category'];
export type CategoryList = Schemas['CategoryList'];
export type Agency = Schemas['Agency'];
export type AgencyList = Schemas['AgencyList'];
export type LifeEventSummary = Schemas['LifeEventSummary'];
export type LifeEventList = Schemas['LifeEventList'];
export type LifeEventStep = Schemas['LifeEventStep'];
export type LifeEventConditionalStep = Schemas['LifeEventConditionalStep'];
export type LifeEvent = Schemas['LifeEvent'];
export type Region = Schemas['Region'];
export type RegionList = Schemas['RegionList'];
export type RegionDetail = Schemas['RegionDetail'];
export type OpeningHours = Schemas['OpeningHours'];
export type OpeningDay = Schemas['OpeningDay'];
export type LocationPhone = Schemas['LocationPhone'];
export type Coordinates = Schemas['Coordinates'];
export type Tenant = Schemas['Tenant'];
export type TenantStatus = Schemas['TenantStatus'];
export type LocationOffer = Schemas['LocationOffer'];
export type Location = Schemas['Location'];
export type LocationList = Schemas['LocationList'];
export type Health = Schemas['Health'];
export type Problem = Schemas['Problem'];
export type ProblemFieldError = Schemas['ProblemFieldError'];

// Online applications: the form, the citizen's application and its status.
export type LocalizedText = Schemas['LocalizedText'];
export type FieldId = Schemas['FieldId'];
export type FieldType = Schemas['FieldType'];
export type FieldOption = Schemas['FieldOption'];
export type FieldCondition = Schemas['FieldCondition'];
export type FileRule = Schemas['FileRule'];
export type FormField = Schemas['FormField'];
export type FormStep = Schemas['FormStep'];
export type FormDefinition = Schemas['FormDefinition'];
export type AnswerValue = Schemas['AnswerValue'];
export type Answers = Schemas['Answers'];
/** Answers to merge into a draft; `null` removes an answer. */
export type AnswerPatch = Schemas['AnswerPatch'];
/** `LKT-7K4M-Q2XP`; any case, dashes optional. */
export type TrackingCode = Schemas['TrackingCode'];
export type ApplicationStatusCode = Schemas['ApplicationStatusCode'];
export type Attachment = Schemas['Attachment'];
export type Due = Schemas['Due'];
export type PublicHistoryEntry = Schemas['PublicHistoryEntry'];
export type Application = Schemas['Application'];
/** The new draft, with its `secret`: shown only in this answer, keep it. */
export type CreatedApplication = Schemas['CreatedApplication'];
/** What the citizen may see of an application: no answers, no personal data. */
export type ApplicationStatus = Schemas['ApplicationStatus'];
export type CreateApplicationRequest = Schemas['CreateApplicationRequest'];
export type SubmitApplicationRequest = Schemas['SubmitApplicationRequest'];
export type WithdrawRequest = Schemas['WithdrawRequest'];
export type NotifyChannels = Schemas['NotifyChannels'];
/** Whether news can reach the citizen's phone for an agency in a region (its gateway). */
export type NewsChannels = Schemas['NewsChannels'];
export type SecretRecoveryRequest = Schemas['SecretRecoveryRequest'];
export type SecretRecoveryAccepted = Schemas['SecretRecoveryAccepted'];
export type RecoverSecretRequest = Schemas['RecoverSecretRequest'];
export type RecoveredSecret = Schemas['RecoveredSecret'];
/** The submission receipt ("Bukti pengajuan"): code, service, agency, dates, what to bring. */
export type ApplicationReceipt = Schemas['ApplicationReceipt'];
/** The document an officer attached as the application's result (e.g. the digital akta). */
export type ResultDocument = Schemas['ResultDocument'];

// The officer API.
export type OfficerHistoryEntry = Schemas['OfficerHistoryEntry'];
export type OfficerApplication = Schemas['OfficerApplication'];
export type OfficerApplicationList = Schemas['OfficerApplicationList'];
export type TransitionRequest = Schemas['TransitionRequest'];
/** One notification of one event to one recipient (the officer's delivery log). */
export type Delivery = Schemas['Delivery'];
export type DeliveryList = Schemas['DeliveryList'];
/** A signed webhook endpoint of the officer's agency and region (never its secret). */
export type WebhookEndpoint = Schemas['WebhookEndpoint'];
/** The endpoint just added, with its secret (`whsec_…`), shown only then. */
export type CreatedWebhookEndpoint = Schemas['CreatedWebhookEndpoint'];
export type WebhookEndpointList = Schemas['WebhookEndpointList'];
export type WebhookEndpointRequest = Schemas['WebhookEndpointRequest'];
export type WebhookTestQueued = Schemas['WebhookTestQueued'];

// The satisfaction survey (SKM) and the published performance.
export type SurveyScores = Schemas['SurveyScores'];
export type SurveyProfile = Schemas['SurveyProfile'];
export type SurveyAnswer = Schemas['SurveyAnswer'];
export type KioskSurveyAnswer = Schemas['KioskSurveyAnswer'];
export type SurveyState = Schemas['SurveyState'];
export type SurveyLinkState = Schemas['SurveyLinkState'];
export type SurveyReceipt = Schemas['SurveyReceipt'];
export type SkmBand = Schemas['SkmBand'];
export type UnsurResult = Schemas['UnsurResult'];
/** One cell of the index; `published: false` (too few responses) carries no figures. */
export type SatisfactionCell = Schemas['SatisfactionCell'];
export type ServicePerformance = Schemas['ServicePerformance'];
export type Performance = Schemas['Performance'];
// Visits: booking a time at an MPP counter, and the hall.
export type Counter = Schemas['Counter'];
export type VisitPolicy = Schemas['VisitPolicy'];
export type VisitLocation = Schemas['VisitLocation'];
export type VisitLocationList = Schemas['VisitLocationList'];
export type VisitDayStatus = Schemas['VisitDayStatus'];
export type VisitDay = Schemas['VisitDay'];
export type VisitDayList = Schemas['VisitDayList'];
export type VisitSlot = Schemas['VisitSlot'];
export type VisitSlotList = Schemas['VisitSlotList'];
/** `ANT-7K4M-Q2XP`; any case, dashes optional. */
export type BookingCode = Schemas['BookingCode'];
export type BookingStatus = Schemas['BookingStatus'];
export type Ticket = Schemas['Ticket'];
/** Where and when to come (also in an application's status when it links to a booking). */
export type Visit = Schemas['Visit'];
export type Booking = Schemas['Booking'];
/** The new booking, with its `secret`: shown only in this answer, keep it. */
export type CreatedBooking = Schemas['CreatedBooking'];
export type CreateBookingRequest = Schemas['CreateBookingRequest'];
export type RescheduleBookingRequest = Schemas['RescheduleBookingRequest'];
// Complaints (docs/complaints.md).
/** `ADU-7K4M-Q2XP`; any case, dashes optional. */
export type ComplaintCode = Schemas['ComplaintCode'];
export type ComplaintCategory = Schemas['ComplaintCategory'];
export type ComplaintStatus = Schemas['ComplaintStatus'];
export type ComplaintSubject = Schemas['ComplaintSubject'];
export type ComplaintDue = Schemas['ComplaintDue'];
/** SP4N-LAPOR! (and any other national channel) with every way to reach it. */
export type NationalComplaintChannel = Schemas['NationalComplaintChannel'];
export type ComplaintChannelList = Schemas['ComplaintChannelList'];
export type CreateComplaintRequest = Schemas['CreateComplaintRequest'];
export type ComplaintAboutRequest = Schemas['ComplaintAboutRequest'];
/** A complaint as its citizen sees it: status, the agency's answer, the national channels. */
export type FiledComplaint = Schemas['FiledComplaint'];
/** The new complaint, with its `secret`: shown only in this answer, keep it. */
export type CreatedComplaint = Schemas['CreatedComplaint'];
export type OfficerComplaint = Schemas['OfficerComplaint'];
export type OfficerComplaintList = Schemas['OfficerComplaintList'];
export type OfficerWorkload = Schemas['OfficerWorkload'];
export type OfficerAccount = Schemas['OfficerAccount'];
export type OfficerRole = Schemas['OfficerRole'];
export type OfficerAccountList = Schemas['OfficerAccountList'];
export type NewOfficerAccount = Schemas['NewOfficerAccount'];
export type CreatedOfficerAccount = Schemas['CreatedOfficerAccount'];
export type OfficerSession = Schemas['OfficerSession'];
export type OfficerPasswordChange = Schemas['OfficerPasswordChange'];
export type AllowedOrigin = Schemas['AllowedOrigin'];
export type AllowedOriginList = Schemas['AllowedOriginList'];
export type AnswerComplaintRequest = Schemas['AnswerComplaintRequest'];
export type CloseComplaintRequest = Schemas['CloseComplaintRequest'];
export type HallTicket = Schemas['HallTicket'];
export type HallCounter = Schemas['HallCounter'];
export type Hall = Schemas['Hall'];
export type CheckInRequest = Schemas['CheckInRequest'];
export type WalkInRequest = Schemas['WalkInRequest'];
export type CallNextResult = Schemas['CallNextResult'];
export type TicketOutcomeRequest = Schemas['TicketOutcomeRequest'];
export type CloseCounterRequest = Schemas['CloseCounterRequest'];
export type CounterClosure = Schemas['CounterClosure'];
/** One call on the queue board: the `data` of a `call` event of `GET /v1/locations/{id}/board`. */
export type BoardCall = Schemas['BoardCall'];

type Query<K extends keyof operations> = NonNullable<operations[K]['parameters']['query']>;

/**
 * A query whose `region` falls back to the client's default region; `region: null` asks for
 * no region at all (the national catalogue) even when the client has one.
 */
type WithDefaultRegion<Q extends { region?: RegionCode }> = Omit<Q, 'region'> & {
  /** A Kemendagri code (`33.74`); defaults to the client's `region`; `null` sends none. */
  region?: RegionCode | null;
};

export type ListServicesQuery = WithDefaultRegion<Query<'listServices'>>;
export type GetServiceQuery = WithDefaultRegion<Query<'getService'>>;
export type ListCategoriesQuery = WithDefaultRegion<Query<'listCategories'>>;
export type ListAgenciesQuery = WithDefaultRegion<Query<'listAgencies'>>;
export type ListLifeEventsQuery = WithDefaultRegion<Query<'listLifeEvents'>>;
export type GetLifeEventQuery = WithDefaultRegion<Query<'getLifeEvent'>>;
export type ListRegionsQuery = Query<'listRegions'>;
export type GetRegionQuery = Query<'getRegion'>;
export type GetNewsChannelsQuery = Query<'getNewsChannels'>;
export type ListRegionLocationsQuery = Query<'listRegionLocations'>;
export type GetServiceFormQuery = Query<'getServiceForm'>;
export type ListOfficerApplicationsQuery = Query<'listOfficerApplications'>;
export type GetPerformanceQuery = Query<'getPerformance'>;
export type ListVisitLocationsQuery = Query<'listVisitLocations'>;
export type ListVisitDaysQuery = Query<'listVisitDays'>;
export type ListVisitSlotsQuery = Query<'listVisitSlots'>;
export type GetHallQuery = Query<'getHall'>;
export type ListOfficerComplaintsQuery = Query<'listOfficerComplaints'>;

/** `createApplication`'s input: the request, with `region` defaulting to the client's. */
export type CreateApplicationInput = Omit<CreateApplicationRequest, 'region'> & {
  /** A Kemendagri kabupaten/kota code (`33.74`); defaults to the client's `region`. */
  region?: RegionCode;
};
