import { sql } from 'drizzle-orm';
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import type { Actor, ApplicationStatus } from '../src/domain/application-status';
import type { ChannelDocument, ChannelEligibility, EntryCode, Level } from '../src/domain/catalog';
import type { Mechanism } from '../src/domain/placement/input';
import type { ChoiceOutcome, SchoolOutcome } from '../src/domain/placement/result';
import type { TierTable } from '../src/domain/placement/tiers';
import type { RejectionRecord } from '../src/domain/rejection';
import type { CheckResult, Claim } from '../src/domain/verification';
import type { IntegrationScope } from '../src/domain/integration-scope';

/** Instants are UTC epoch milliseconds; drizzle hands them over as `Date`. */
const instant = (name: string) => integer(name, { mode: 'timestamp_ms' });
const updatedAt = () => instant('updated_at').notNull().default(sql`(unixepoch('subsec') * 1000)`);

export const regions = sqliteTable('regions', {
  id: text('id').primaryKey(),
  code: text('code').notNull().unique(),
  name: text('name').notNull(),
  /** 咨询电话 of the bureau's enrollment office for this region. */
  contactPhone: text('contact_phone'),
  /** 主办单位 and the site's ICP record number, for the footer. */
  sponsor: text('sponsor'),
  icp: text('icp'),
  /** Address of the bureau office that serves the region (shown to parents). */
  address: text('address'),
  /** Order of the towns in the parents' region list. */
  sort: integer('sort').notNull().default(0),
  /** Optimistic version: an administrator's change names the version it was made on. */
  version: integer('version').notNull().default(0),
  /** Written by each change; the change's audit entry is inserted only where it is its (`commitChange`). */
  changeNonce: text('change_nonce'),
  updatedAt: updatedAt(),
});

export const seasons = sqliteTable(
  'seasons',
  {
    id: text('id').primaryKey(),
    regionId: text('region_id')
      .notNull()
      .references(() => regions.id),
    code: text('code').notNull(),
    name: text('name').notNull(),
    year: integer('year').notNull(),
    /** A season is prepared as a draft; parents see only the published, current season of their region. */
    status: text('status').$type<'draft' | 'published'>().notNull().default('published'),
    publishedAt: instant('published_at'),
    /** After this instant the season's documents are deleted and its applications reduced to what the bureau keeps. */
    retainUntil: instant('retain_until'),
    /** When the retention purge ran for this season (it runs once). */
    purgedAt: instant('purged_at'),
    /** Optimistic version: an administrator's change names the version it was made on. */
    version: integer('version').notNull().default(0),
    /** Written by each change; the change's audit entry is inserted only where it is its. */
    changeNonce: text('change_nonce'),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('seasons_region_code').on(t.regionId, t.code)],
);

export const entries = sqliteTable(
  'entries',
  {
    id: text('id').primaryKey(),
    seasonId: text('season_id')
      .notNull()
      .references(() => seasons.id),
    code: text('code').$type<EntryCode>().notNull(),
    name: text('name').notNull(),
    description: text('description').notNull(),
    gradeMin: integer('grade_min').notNull(),
    gradeMax: integer('grade_max').notNull(),
    sort: integer('sort').notNull(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('entries_season_code').on(t.seasonId, t.code)],
);

/** The registration window of an entry: open from `opensAt` (inclusive) until `closesAt` (exclusive). */
export const windows = sqliteTable('windows', {
  id: text('id').primaryKey(),
  entryId: text('entry_id')
    .notNull()
    .unique()
    .references(() => entries.id),
  opensAt: instant('opens_at').notNull(),
  closesAt: instant('closes_at').notNull(),
  /** After a rejection the family may correct and resubmit until the later of the close and this many days after. */
  correctionDays: integer('correction_days').notNull().default(3),
  /** When the county's 网上初审 is to be finished (shown to families); null = not announced. */
  reviewEndsAt: instant('review_ends_at'),
  /** When the schools' review is to be finished (shown to families); null = not announced. */
  schoolReviewEndsAt: instant('school_review_ends_at'),
  /** Optimistic version: an administrator's change names the version it was made on. */
  version: integer('version').notNull().default(0),
  /** Written by each change; the change's notices and audit entry are inserted only where it is theirs. */
  changeNonce: text('change_nonce'),
  updatedAt: updatedAt(),
});

/** A sub-division of an entry with its own level and grades (县城小学毕业生, 小学插班生, …). */
export const tracks = sqliteTable(
  'tracks',
  {
    id: text('id').primaryKey(),
    entryId: text('entry_id')
      .notNull()
      .references(() => entries.id),
    code: text('code').notNull(),
    name: text('name').notNull(),
    description: text('description').notNull(),
    level: text('level').$type<Level>().notNull(),
    gradeMin: integer('grade_min').notNull(),
    gradeMax: integer('grade_max').notNull(),
    sort: integer('sort').notNull(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('tracks_entry_code').on(t.entryId, t.code)],
);

export const channels = sqliteTable(
  'channels',
  {
    id: text('id').primaryKey(),
    trackId: text('track_id')
      .notNull()
      .references(() => tracks.id),
    code: text('code').notNull(),
    name: text('name').notNull(),
    definition: text('definition').notNull(),
    eligibility: text('eligibility', { mode: 'json' }).$type<ChannelEligibility>().notNull(),
    documents: text('documents', { mode: 'json' }).$type<ChannelDocument[]>().notNull(),
    sort: integer('sort').notNull(),
    /** A disabled channel is not offered to parents; applications already in it keep it. */
    enabled: integer('enabled', { mode: 'boolean' }).notNull().default(true),
    /** Optimistic version: an administrator's change names the version it was made on. */
    version: integer('version').notNull().default(0),
    /** Written by each change; the change's audit entry is inserted only where it is its (`commitChange`). */
    changeNonce: text('change_nonce'),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('channels_track_code').on(t.trackId, t.code)],
);

export const communities = sqliteTable(
  'communities',
  {
    id: text('id').primaryKey(),
    regionId: text('region_id')
      .notNull()
      .references(() => regions.id),
    name: text('name').notNull(),
    sort: integer('sort').notNull(),
  },
  (t) => [uniqueIndex('communities_region_name').on(t.regionId, t.name)],
);

/** A school's identity, kept across seasons; what it offers in a season is in `seasonSchools`. */
export const schools = sqliteTable(
  'schools',
  {
    id: text('id').primaryKey(),
    regionId: text('region_id')
      .notNull()
      .references(() => regions.id),
    code: text('code').notNull(),
    name: text('name').notNull(),
    level: text('level').$type<Level>().notNull(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('schools_region_code').on(t.regionId, t.code), index('schools_region_level').on(t.regionId, t.level)],
);

/** A school in one season: where it is, who answers its phone, its places and its catchment (招生范围). */
export const seasonSchools = sqliteTable(
  'season_schools',
  {
    id: text('id').primaryKey(),
    seasonId: text('season_id')
      .notNull()
      .references(() => seasons.id),
    schoolId: text('school_id')
      .notNull()
      .references(() => schools.id),
    address: text('address').notNull(),
    /** The school's 咨询电话. */
    contactPhone: text('contact_phone'),
    sort: integer('sort').notNull(),
    /** 学位预警 an administrator published for parents (more first-choice applications than places); null: none. */
    demandNotice: text('demand_notice'),
    /** Optimistic version: an administrator's change names the version it was made on. */
    version: integer('version').notNull().default(0),
    /** Written by each change; the change's audit entry is inserted only where it is its (`commitChange`). */
    changeNonce: text('change_nonce'),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('season_schools_season_school').on(t.seasonId, t.schoolId)],
);

/** 计划学位: a school's places in a season for one entry and grade, given directly or as classes × class size. */
export const schoolPlaces = sqliteTable(
  'school_places',
  {
    seasonSchoolId: text('season_school_id')
      .notNull()
      .references(() => seasonSchools.id),
    entryId: text('entry_id')
      .notNull()
      .references(() => entries.id),
    grade: integer('grade').notNull(),
    places: integer('places').notNull(),
    classes: integer('classes'),
    classSize: integer('class_size'),
  },
  (t) => [primaryKey({ columns: [t.seasonSchoolId, t.entryId, t.grade] })],
);

/** 招生范围: which communities a school serves in a season. */
export const seasonCatchments = sqliteTable(
  'season_catchments',
  {
    seasonSchoolId: text('season_school_id')
      .notNull()
      .references(() => seasonSchools.id),
    communityId: text('community_id')
      .notNull()
      .references(() => communities.id),
  },
  (t) => [primaryKey({ columns: [t.seasonSchoolId, t.communityId] }), index('season_catchments_community').on(t.communityId)],
);

/** Policy pages of a region's season: 招生工作方案, 家长操作手册, 常见问题, 报名须知. */
export const pages = sqliteTable(
  'pages',
  {
    id: text('id').primaryKey(),
    seasonId: text('season_id')
      .notNull()
      .references(() => seasons.id),
    /** The seeded pages' slugs are `PageSlug`s; administrators may add pages with slugs of their own. */
    slug: text('slug').notNull(),
    title: text('title').notNull(),
    body: text('body').notNull(),
    /** The body rendered from Markdown when saved (no raw HTML); null for a page not yet saved through the editor. */
    html: text('html'),
    sort: integer('sort').notNull(),
    /** Optimistic version: an administrator's change names the version it was made on. */
    version: integer('version').notNull().default(0),
    /** Written by each change; the change's audit entry is inserted only where it is its (`commitChange`). */
    changeNonce: text('change_nonce'),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('pages_season_slug').on(t.seasonId, t.slug)],
);

/** 派位规则 of a season: the priority tiers at every school, best first, and the mechanism (shown on a public page). */
export const placementRules = sqliteTable('placement_rules', {
  seasonId: text('season_id')
    .primaryKey()
    .references(() => seasons.id),
  tiers: text('tiers', { mode: 'json' }).$type<TierTable>().notNull(),
  /** `da`: student-proposing deferred acceptance (strategy-proof); `ia`: 志愿优先, where a county must use it. */
  mechanism: text('mechanism').$type<Mechanism>().notNull().default('da'),
  /** 一房一位: a property that admitted a child through the property channel is locked for this many years. */
  propertyLockYears: integer('property_lock_years').notNull().default(6),
  /** Optimistic version: an administrator's change names the version it was made on. */
  version: integer('version').notNull().default(0),
  /** Written by each change; the change's audit entry is inserted only where it is its (`commitChange`). */
  changeNonce: text('change_nonce'),
  updatedAt: updatedAt(),
});

/**
 * An observer of a season's lottery (notary, parent representative, discipline officer): the SHA-256 of a secret
 * contribution, published with its time before the window closes, and the contribution itself once revealed.
 */
export const lotteryObservers = sqliteTable(
  'lottery_observers',
  {
    id: text('id').primaryKey(),
    seasonId: text('season_id')
      .notNull()
      .references(() => seasons.id),
    name: text('name').notNull(),
    role: text('role').notNull(),
    /** Lowercase hex SHA-256 of the contribution's UTF-8 bytes. */
    commitment: text('commitment').notNull(),
    committedAt: instant('committed_at').notNull(),
    contribution: text('contribution'),
    revealedAt: instant('revealed_at'),
    /** Who recorded it on the desk. */
    recordedBy: text('recorded_by'),
  },
  (t) => [uniqueIndex('lottery_observers_season_name').on(t.seasonId, t.name)],
);

/**
 * The real draw of one entry and grade of a season: the seed from the observers' reveals, the published input and
 * result files (canonical JSON, `docs/placement.md`) with their SHA-256, and who ran it when. One per entry and grade.
 */
export const placementDraws = sqliteTable(
  'placement_draws',
  {
    id: text('id').primaryKey(),
    seasonId: text('season_id')
      .notNull()
      .references(() => seasons.id),
    entryId: text('entry_id')
      .notNull()
      .references(() => entries.id),
    grade: integer('grade').notNull(),
    /** 1: the draw among every approved application; 2: the second round over the seats given up, after 确认入学. */
    round: integer('round').notNull().default(1),
    mechanism: text('mechanism').$type<Mechanism>().notNull(),
    seed: text('seed').notNull(),
    inputs: text('inputs').notNull(),
    inputsSha256: text('inputs_sha256').notNull(),
    results: text('results').notNull(),
    resultsSha256: text('results_sha256').notNull(),
    applicants: integer('applicants').notNull(),
    unplaced: integer('unplaced').notNull(),
    drawnAt: instant('drawn_at').notNull(),
    drawnBy: text('drawn_by'),
    /** Each school's seats, admissions and cutoff, for the families' explanation. */
    schoolOutcomes: text('school_outcomes', { mode: 'json' }).$type<SchoolOutcome[]>(),
    /** When the results went to the families (message and SMS); null: not yet. */
    publishedAt: instant('published_at'),
    /** 公示 runs from the publication until this instant: the public list per school, names masked. */
    publicityEndsAt: instant('publicity_ends_at'),
    /** Who published the results: an objection is decided by another administrator. */
    publishedBy: text('published_by'),
    /** Families confirm (or give up) their seat until this instant. */
    confirmBy: instant('confirm_by'),
  },
  (t) => [uniqueIndex('placement_draws_entry_grade_round').on(t.seasonId, t.entryId, t.grade, t.round)],
);

/** Each application's outcome of a draw: the school it was placed at (null: 统筹安排) and its lottery number. */
export const placements = sqliteTable(
  'placements',
  {
    drawId: text('draw_id')
      .notNull()
      .references(() => placementDraws.id),
    applicationId: text('application_id')
      .notNull()
      .references(() => applications.id),
    schoolId: text('school_id').references(() => schools.id),
    lottery: text('lottery').notNull(),
    /** The application's tier at each choice (school code) and whether that school considered it. */
    choices: text('choices', { mode: 'json' }).$type<ChoiceOutcome[]>(),
    /**
     * 确认入学: the family took the seat or gave it up (its seat then returns for the second round or 统筹安排); `lapsed`:
     * a seat from the draw left unanswered at the deadline, marked given up when 第二轮派位 runs; null: not yet.
     */
    confirmation: text('confirmation').$type<'confirmed' | 'declined' | 'lapsed'>(),
    confirmedAt: instant('confirmed_at'),
    /** The family gave up the seat and asked to take part in the second round. */
    secondRoundRequestedAt: instant('second_round_requested_at'),
  },
  (t) => [primaryKey({ columns: [t.drawId, t.applicationId] }), index('placements_application').on(t.applicationId)],
);

/** 异议: a family's objection to its placement during 公示, decided by an administrator other than the publisher. */
export const objections = sqliteTable(
  'objections',
  {
    id: text('id').primaryKey(),
    drawId: text('draw_id')
      .notNull()
      .references(() => placementDraws.id),
    applicationId: text('application_id')
      .notNull()
      .references(() => applications.id),
    reason: text('reason').notNull(),
    status: text('status').$type<'open' | 'upheld' | 'dismissed'>().notNull().default('open'),
    filedAt: instant('filed_at').notNull(),
    decidedAt: instant('decided_at'),
    decidedBy: text('decided_by'),
    decision: text('decision'),
    /** Upheld: the school the application is placed at instead (null: unchanged). */
    correctedSchoolId: text('corrected_school_id').references(() => schools.id),
  },
  (t) => [uniqueIndex('objections_draw_application').on(t.drawId, t.applicationId), index('objections_status').on(t.status)],
);

/**
 * 一房一位: the property (by its certificate number, as the authority's records give it) that admitted a child
 * through the property channel, locked until `lockedUntil`; a later application claiming it is flagged to reviewers.
 */
export const propertyLocks = sqliteTable(
  'property_locks',
  {
    id: text('id').primaryKey(),
    /** The certificate number normalised (upper case, no spaces). */
    certificateKey: text('certificate_key').notNull(),
    applicationId: text('application_id')
      .notNull()
      .references(() => applications.id),
    schoolId: text('school_id')
      .notNull()
      .references(() => schools.id),
    lockedAt: instant('locked_at').notNull(),
    lockedUntil: instant('locked_until').notNull(),
    /** The family gave the seat up: the property is free again. */
    releasedAt: instant('released_at'),
  },
  (t) => [index('property_locks_certificate').on(t.certificateKey), uniqueIndex('property_locks_application').on(t.applicationId)],
);

// ——— Parents' accounts, sign-in and sessions ———

/** A parent's account, identified by the mobile number that receives every notice. */
export const accounts = sqliteTable('accounts', {
  id: text('id').primaryKey(),
  phone: text('phone').notNull().unique(),
  createdAt: instant('created_at').notNull(),
  updatedAt: instant('updated_at').notNull(),
  /** The parent deleted the account: personal data is gone, and the phone column holds a placeholder. */
  deletedAt: instant('deleted_at'),
});

/** One-time sign-in codes: stored as HMACs, five tries, single use. */
export const smsCodes = sqliteTable(
  'sms_codes',
  {
    id: text('id').primaryKey(),
    phone: text('phone').notNull(),
    purpose: text('purpose').$type<'sign_in' | 'change_phone'>().notNull(),
    /** For `change_phone`: the account that asked to move to this number. */
    accountId: text('account_id'),
    codeHash: text('code_hash').notNull(),
    ip: text('ip'),
    createdAt: instant('created_at').notNull(),
    expiresAt: instant('expires_at').notNull(),
    attempts: integer('attempts').notNull().default(0),
    /** Set once, by the request that used the code; follow-up rows of that request are keyed by it. */
    consumedBy: text('consumed_by'),
  },
  (t) => [index('sms_codes_phone_created').on(t.phone, t.createdAt), index('sms_codes_ip_created').on(t.ip, t.createdAt)],
);

export const sessions = sqliteTable(
  'sessions',
  {
    id: text('id').primaryKey(),
    /** SHA-256 of the bearer token; the token itself is never stored. */
    tokenHash: text('token_hash').notNull().unique(),
    accountId: text('account_id')
      .notNull()
      .references(() => accounts.id),
    createdAt: instant('created_at').notNull(),
    lastSeenAt: instant('last_seen_at').notNull(),
    /** Absolute expiry; idle expiry is `lastSeenAt` + the idle limit. */
    expiresAt: instant('expires_at').notNull(),
    revokedAt: instant('revoked_at'),
    /** A session an agent (代办) opened for the family under this mandate: every step taken with it names the agent. */
    mandateId: text('mandate_id'),
  },
  (t) => [index('sessions_account').on(t.accountId)],
);

/** A guardian's consent to a version of the privacy notice (个人信息保护法: a minor's data), given at sign-in. */
export const consents = sqliteTable(
  'consents',
  {
    id: text('id').primaryKey(),
    accountId: text('account_id')
      .notNull()
      .references(() => accounts.id),
    noticeVersion: text('notice_version').notNull(),
    acceptedAt: instant('accepted_at').notNull(),
    ip: text('ip'),
  },
  (t) => [uniqueIndex('consents_account_version').on(t.accountId, t.noticeVersion)],
);

// ——— Children ———

export const children = sqliteTable(
  'children',
  {
    id: text('id').primaryKey(),
    accountId: text('account_id')
      .notNull()
      .references(() => accounts.id),
    name: text('name').notNull(),
    idType: text('id_type').$type<'resident' | 'hk_mo_tw' | 'foreign_permanent' | 'passport'>().notNull(),
    /** AES-GCM ciphertext of the ID number (key from DATA_KEY). */
    idCipher: text('id_cipher').notNull(),
    /** HMAC blind index of the normalised ID number: one account per child. */
    idBlind: text('id_blind').notNull().unique(),
    idMasked: text('id_masked').notNull(),
    birthDate: text('birth_date'),
    sex: text('sex').$type<'male' | 'female'>(),
    createdAt: instant('created_at').notNull(),
    updatedAt: instant('updated_at').notNull(),
  },
  (t) => [index('children_account').on(t.accountId)],
);

/**
 * The review queue's name search index (decision 024): one row per distinct 2-character slice of each child's
 * lower-cased name, the last character standing alone. Written only by triggers on `children` (migration 0024), so
 * every insert, rename and delete keeps it in step in the same statement; the application never writes it. It holds
 * nothing `children.name` does not, and is read only to narrow a search to the children whose names contain the query.
 */
export const childNameGrams = sqliteTable(
  'child_name_grams',
  {
    gram: text('gram').notNull(),
    childId: text('child_id').notNull(),
  },
  (t) => [primaryKey({ columns: [t.gram, t.childId] }), index('child_name_grams_child').on(t.childId)],
);

/**
 * One application per child and season. Changes are conditional updates on `version` (optimistic concurrency);
 * each transition writes one history row keyed by (application, version), so a lost race writes nothing.
 */
export const applications = sqliteTable(
  'applications',
  {
    id: text('id').primaryKey(),
    /** Human-readable number shown to parents and staff (e.g. `TH24-1-7K3M9Q`). */
    number: text('number').notNull().unique(),
    accountId: text('account_id')
      .notNull()
      .references(() => accounts.id),
    childId: text('child_id')
      .notNull()
      .references(() => children.id),
    seasonId: text('season_id')
      .notNull()
      .references(() => seasons.id),
    entryId: text('entry_id')
      .notNull()
      .references(() => entries.id),
    grade: integer('grade').notNull(),
    trackId: text('track_id').references(() => tracks.id),
    channelId: text('channel_id').references(() => channels.id),
    status: text('status').$type<ApplicationStatus>().notNull(),
    version: integer('version').notNull().default(0),
    /** Written by each change; the change's follow-up rows are inserted only where it is theirs. */
    changeNonce: text('change_nonce'),
    withdrawCount: integer('withdraw_count').notNull().default(0),
    declarationAcceptedAt: instant('declaration_accepted_at').notNull(),
    /** The form as typed, ID numbers masked; see `secrets`. */
    form: text('form', { mode: 'json' }).$type<Record<string, unknown>>().notNull().default({}),
    /** AES-GCM ciphertext of the sibling's ID number (the parents' are sealed inside `form`). */
    secrets: text('secrets'),
    community: text('community'),
    firstSchoolId: text('first_school_id').references(() => schools.id),
    secondSchoolId: text('second_school_id').references(() => schools.id),
    sibling: text('sibling', { mode: 'json' }).$type<{ idMasked: string; schoolId: string; remark: string } | null>(),
    rejectReason: text('reject_reason'),
    /** The last rejection with what the reviewer marked at fault and the application as it then stood; kept after resubmission. */
    rejection: text('rejection', { mode: 'json' }).$type<RejectionRecord>(),
    /** The worst result of the system checks (fail > manual > pending > pass); null before the first check. */
    verification: text('verification').$type<CheckResult>(),
    submittedAt: instant('submitted_at'),
    /** Reduced by the retention purge to what the bureau must keep (the form, secrets and documents are gone). */
    reducedAt: instant('reduced_at'),
    createdAt: instant('created_at').notNull(),
    updatedAt: instant('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('applications_child_season').on(t.childId, t.seasonId),
    index('applications_account').on(t.accountId),
    index('applications_submitted').on(t.submittedAt),
    index('applications_status').on(t.status, t.submittedAt),
    index('applications_channel').on(t.channelId, t.status),
    index('applications_verification').on(t.verification, t.status),
    index('applications_first_school').on(t.firstSchoolId, t.status),
    index('applications_second_school').on(t.secondSchoolId, t.status),
  ],
);

/** Every transition: who moved the application from what to what, when and why. */
export const applicationHistory = sqliteTable(
  'application_history',
  {
    id: text('id').primaryKey(),
    applicationId: text('application_id')
      .notNull()
      .references(() => applications.id),
    version: integer('version').notNull(),
    fromStatus: text('from_status').$type<ApplicationStatus>().notNull(),
    toStatus: text('to_status').$type<ApplicationStatus>().notNull(),
    actor: text('actor').$type<Actor>().notNull(),
    actorId: text('actor_id'),
    reason: text('reason'),
    at: instant('at').notNull(),
  },
  (t) => [uniqueIndex('application_history_version').on(t.applicationId, t.version)],
);

/** Uploaded documents (photos, PDFs) of an application; the bytes live in the file store under `storageKey`. */
export const documents = sqliteTable(
  'documents',
  {
    id: text('id').primaryKey(),
    applicationId: text('application_id')
      .notNull()
      .references(() => applications.id),
    accountId: text('account_id')
      .notNull()
      .references(() => accounts.id),
    kind: text('kind').notNull(),
    fileName: text('file_name').notNull(),
    contentType: text('content_type').notNull(),
    size: integer('size').notNull(),
    storageKey: text('storage_key').notNull().unique(),
    /** 'front' or 'back' for a two-sided document such as an ID card; null otherwise. */
    side: text('side').$type<'front' | 'back'>(),
    /** SHA-256 of the file as uploaded (hex): the same file uploaded twice is flagged to reviewers. */
    sha256: text('sha256'),
    /** A document filed with an objection (异议材料) rather than with the application itself. */
    objectionId: text('objection_id').references(() => objections.id),
    createdAt: instant('created_at').notNull(),
  },
  (t) => [
    index('documents_application').on(t.applicationId, t.kind),
    index('documents_sha256').on(t.sha256),
    index('documents_objection').on(t.objectionId),
  ],
);

// ——— Notices: in-app messages and the SMS outbox ———

/** 我的消息: what the red dot counts until read. */
export const messages = sqliteTable(
  'messages',
  {
    id: text('id').primaryKey(),
    accountId: text('account_id')
      .notNull()
      .references(() => accounts.id),
    /** The notice this message belongs to; one message per notice. */
    noticeKey: text('notice_key').notNull().unique(),
    title: text('title').notNull(),
    body: text('body').notNull(),
    createdAt: instant('created_at').notNull(),
    readAt: instant('read_at'),
  },
  (t) => [index('messages_account_created').on(t.accountId, t.createdAt)],
);

export type OutboxStatus = 'pending' | 'sending' | 'sent' | 'dead';

/** SMS waiting to go out, written in the same batch as the change that causes it. */
export const outbox = sqliteTable(
  'outbox',
  {
    id: text('id').primaryKey(),
    /** Unique per notice (e.g. `code:<codeId>`, `welcome:<accountId>`); the provider sees it as the idempotency key. */
    idempotencyKey: text('idempotency_key').notNull().unique(),
    phone: text('phone').notNull(),
    body: text('body').notNull(),
    status: text('status').$type<OutboxStatus>().notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: instant('next_attempt_at').notNull(),
    /** The sweeper or request that holds the row while sending, and until when. */
    claimedBy: text('claimed_by'),
    claimExpiresAt: instant('claim_expires_at'),
    lastError: text('last_error'),
    createdAt: instant('created_at').notNull(),
    sentAt: instant('sent_at'),
  },
  (t) => [index('outbox_due').on(t.status, t.nextAttemptAt)],
);

/** What the `dev` SMS provider "sent": the dev inbox page reads it in demo mode. */
export const devSms = sqliteTable(
  'dev_sms',
  {
    id: text('id').primaryKey(),
    idempotencyKey: text('idempotency_key').notNull().unique(),
    phone: text('phone').notNull(),
    body: text('body').notNull(),
    sentAt: instant('sent_at').notNull(),
  },
  (t) => [index('dev_sms_phone').on(t.phone, t.sentAt)],
);

// ——— Staff: reviewers and administrators ———

export type StaffRole = 'admin' | 'county_reviewer' | 'school_reviewer';

export const staff = sqliteTable('staff', {
  id: text('id').primaryKey(),
  username: text('username').notNull().unique(),
  displayName: text('display_name').notNull(),
  role: text('role').$type<StaffRole>().notNull(),
  /** A school reviewer sees and decides only applications naming this school. */
  schoolId: text('school_id').references(() => schools.id),
  /** An agent (代办) at a community office rather than a school: the office's name, shown to the families it helps. */
  office: text('office'),
  /** `pbkdf2-sha256$<iterations>$<salt>$<hash>` (WebCrypto, so it runs on Workers too). */
  passwordHash: text('password_hash').notNull(),
  failedAttempts: integer('failed_attempts').notNull().default(0),
  lockedUntil: instant('locked_until'),
  disabledAt: instant('disabled_at'),
  createdAt: instant('created_at').notNull(),
  updatedAt: instant('updated_at').notNull(),
});

export const staffSessions = sqliteTable(
  'staff_sessions',
  {
    id: text('id').primaryKey(),
    tokenHash: text('token_hash').notNull().unique(),
    staffId: text('staff_id')
      .notNull()
      .references(() => staff.id),
    createdAt: instant('created_at').notNull(),
    lastSeenAt: instant('last_seen_at').notNull(),
    expiresAt: instant('expires_at').notNull(),
    revokedAt: instant('revoked_at'),
  },
  (t) => [index('staff_sessions_staff').on(t.staffId)],
);

/** Append-only (database triggers refuse UPDATE and DELETE): every staff sign-in, decision, reveal and export. */
export const auditLog = sqliteTable(
  'audit_log',
  {
    id: text('id').primaryKey(),
    at: instant('at').notNull(),
    staffId: text('staff_id'),
    username: text('username').notNull(),
    action: text('action').notNull(),
    applicationId: text('application_id'),
    /** What exactly: filters of an export, a decision's reason, … (never a full ID number). */
    detail: text('detail', { mode: 'json' }).$type<Record<string, unknown>>().notNull().default({}),
    ip: text('ip'),
    requestId: text('request_id'),
    /** The actor's role when it acted (a staff role, or `key` for a system): what a family's "who viewed" list shows. */
    actorRole: text('actor_role'),
    /** The actor's school when it acted (a school reviewer's, an agent's, a key's school scope). */
    actorSchoolId: text('actor_school_id'),
    /** The integration key a system acted with; `username` then holds the key's name. */
    keyId: text('key_id'),
  },
  (t) => [index('audit_log_at').on(t.at), index('audit_log_staff').on(t.staffId, t.at), index('audit_log_application').on(t.applicationId)],
);

// ——— System verification against authority records (系统可查验) ———

/** The latest result per application and claim, with the record values it rests on (staff see them in the detail). */
export const verificationChecks = sqliteTable(
  'verification_checks',
  {
    id: text('id').primaryKey(),
    applicationId: text('application_id')
      .notNull()
      .references(() => applications.id),
    claim: text('claim').$type<Claim>().notNull(),
    result: text('result').$type<CheckResult>().notNull(),
    summary: text('summary').notNull(),
    values: text('values', { mode: 'json' }).$type<Record<string, unknown>>().notNull(),
    source: text('source').notNull(),
    checkedAt: instant('checked_at').notNull(),
  },
  (t) => [uniqueIndex('verification_checks_claim').on(t.applicationId, t.claim)],
);

/** A check to run (after a submission, or on a reviewer's request); retried by the sweeper while the service is down. */
export const verificationJobs = sqliteTable(
  'verification_jobs',
  {
    applicationId: text('application_id')
      .primaryKey()
      .references(() => applications.id),
    dueAt: instant('due_at').notNull(),
    attempts: integer('attempts').notNull().default(0),
    claimedBy: text('claimed_by'),
    claimExpiresAt: instant('claim_expires_at'),
    lastError: text('last_error'),
  },
  (t) => [index('verification_jobs_due').on(t.dueAt)],
);

// ——— Abuse limits, alarms and disputes ———

/**
 * Fixed-window counters for abuse limits (per address, per account, or for everyone). A request adds its weight with
 * one upsert that refuses to pass the limit, so concurrent requests cannot slip past it.
 */
export const rateLimits = sqliteTable(
  'rate_limits',
  {
    /** What is limited, e.g. `staff-sign-in:address`, `precheck:account`, `sms:all`. */
    bucket: text('bucket').notNull(),
    /** Whose: an address (IPv6 grouped by /64), an account id, or `all`. */
    subject: text('subject').notNull(),
    windowStart: instant('window_start').notNull(),
    used: integer('used').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.bucket, t.subject, t.windowStart] }), index('rate_limits_window').on(t.windowStart)],
);

/**
 * Failed staff sign-ins per (username, address): a lock with back-off that one address cannot impose on another.
 * Kept for unknown usernames too, so the answer never tells a real name from an unknown one.
 */
export const staffSignInFailures = sqliteTable(
  'staff_sign_in_failures',
  {
    username: text('username').notNull(),
    address: text('address').notNull(),
    failures: integer('failures').notNull().default(0),
    /** How many times this pair has been locked: each lock lasts longer. */
    locks: integer('locks').notNull().default(0),
    lockedUntil: instant('locked_until'),
    lastFailureAt: instant('last_failure_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.username, t.address] })],
);

/** Alarms for administrators (e.g. the hourly SMS budget reached): raised once per key, shown until acknowledged. */
export const alerts = sqliteTable(
  'alerts',
  {
    id: text('id').primaryKey(),
    /** One alarm per cause and period, e.g. `sms-budget:2024-07-20T10`. */
    key: text('key').notNull().unique(),
    kind: text('kind').notNull(),
    message: text('message').notNull(),
    detail: text('detail', { mode: 'json' }).$type<Record<string, unknown>>().notNull().default({}),
    raisedAt: instant('raised_at').notNull(),
    acknowledgedAt: instant('acknowledged_at'),
    acknowledgedBy: text('acknowledged_by'),
  },
  (t) => [index('alerts_raised').on(t.raisedAt)],
);

export type BindingAppealStatus = 'open' | 'granted' | 'refused' | 'withdrawn';

/**
 * A family's claim on a child that another account bound first (the guide's "已被绑定"). The authority records
 * settle it when they show the claimant is the child's parent and the holder is not; otherwise staff settle it.
 */
export const bindingAppeals = sqliteTable(
  'binding_appeals',
  {
    id: text('id').primaryKey(),
    /** The contested binding. */
    childId: text('child_id').notNull(),
    /** Blind index of the child's ID number (the binding row may move or go). */
    childBlind: text('child_blind').notNull(),
    claimantAccountId: text('claimant_account_id')
      .notNull()
      .references(() => accounts.id),
    holderAccountId: text('holder_account_id')
      .notNull()
      .references(() => accounts.id),
    status: text('status').$type<BindingAppealStatus>().notNull(),
    /** The claimant's explanation (ID-number-shaped text masked). */
    reason: text('reason').notNull(),
    /** What the records said of claimant and holder, without personal data. */
    evidence: text('evidence', { mode: 'json' }).$type<Record<string, unknown>>().notNull().default({}),
    createdAt: instant('created_at').notNull(),
    settledAt: instant('settled_at'),
    /** A staff id, or `records` when the authority records settled it. */
    settledBy: text('settled_by'),
    settlement: text('settlement'),
  },
  (t) => [
    index('binding_appeals_status').on(t.status, t.createdAt),
    uniqueIndex('binding_appeals_one_open').on(t.childBlind, t.claimantAccountId).where(sql`status = 'open'`),
  ],
);

/** Bytes written to the file store before their document row exists: the sweeper deletes those no row claims. */
export const uploadIntents = sqliteTable(
  'upload_intents',
  {
    storageKey: text('storage_key').primaryKey(),
    accountId: text('account_id').notNull(),
    createdAt: instant('created_at').notNull(),
  },
  (t) => [index('upload_intents_created').on(t.createdAt)],
);

// ——— Integrators: keys for systems ———

/**
 * A system's key (学籍, the bureau's reporting, a mini-program front). The key a system holds is `ik_<id>_<secret>`; only
 * the SHA-256 of the secret is kept. Rotation keeps the previous secret valid until `previousValidUntil`.
 */
export const integrationKeys = sqliteTable('integration_keys', {
  id: text('id').primaryKey(),
  name: text('name').notNull().unique(),
  scopes: text('scopes', { mode: 'json' }).$type<IntegrationScope[]>().notNull(),
  /** A key limited to one school reads and writes that school's applications only. */
  schoolId: text('school_id').references(() => schools.id),
  secretHash: text('secret_hash').notNull(),
  previousSecretHash: text('previous_secret_hash'),
  previousValidUntil: instant('previous_valid_until'),
  expiresAt: instant('expires_at'),
  revokedAt: instant('revoked_at'),
  /** Requests allowed per minute with this key. */
  perMinute: integer('per_minute').notNull().default(600),
  createdBy: text('created_by').notNull(),
  createdAt: instant('created_at').notNull(),
  updatedAt: instant('updated_at').notNull(),
  version: integer('version').notNull().default(0),
  changeNonce: text('change_nonce'),
});

// ——— Assisted registration (代办) ———

/**
 * An agent's mandate to act for one family: opened when the parent confirmed by the SMS code read out to the agent,
 * or by the agent's attested exception with its reason; every step taken under it names the agent.
 */
export const agentMandates = sqliteTable(
  'agent_mandates',
  {
    id: text('id').primaryKey(),
    staffId: text('staff_id')
      .notNull()
      .references(() => staff.id),
    accountId: text('account_id')
      .notNull()
      .references(() => accounts.id),
    method: text('method').$type<'sms_code' | 'attested'>().notNull(),
    /** Why the parent could not confirm by code (required for `attested`). */
    reason: text('reason'),
    createdAt: instant('created_at').notNull(),
    expiresAt: instant('expires_at').notNull(),
    endedAt: instant('ended_at'),
  },
  (t) => [index('agent_mandates_staff').on(t.staffId, t.createdAt), index('agent_mandates_account').on(t.accountId)],
);
