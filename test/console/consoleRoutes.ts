/** Every console route, for the tests that check each one refuses what it must. `ID` stands for any id. */
export const PAGE_ROUTES = [
  '/console',
  '/console/password',
  '/console/chats/ID',
  '/console/callbacks',
  '/console/requests',
  '/console/requests/ID',
  '/console/users',
  '/console/users/new',
  '/console/users/ID',
  '/console/reports',
  '/console/reports/figures.csv',
  '/console/casework',
  '/console/casework/new',
  '/console/casework/cases/ID',
  '/console/casework/ward',
];

/** Only the console's script asks for these: 401 without a session. */
export const API_ROUTES = ['/console/stream', '/console/stream?chat=ID', '/console/queue', '/console/chats/ID/lines'];

export const FORM_ROUTES = [
  '/console/sign-out',
  '/console/password',
  '/console/availability',
  '/console/chats/ID/accept',
  '/console/chats/ID/messages',
  '/console/chats/ID/articles',
  '/console/chats/ID/notes',
  '/console/chats/ID/requests',
  '/console/chats/ID/transfer',
  '/console/chats/ID/end',
  '/console/callbacks/ID/done',
  '/console/requests/ID/status',
  '/console/users',
  '/console/users/ID/role',
  '/console/users/ID/disable',
  '/console/users/ID/enable',
  '/console/users/ID/password',
  '/console/casework',
  '/console/casework/cases/ID/updates',
];

/** Councillors' casework: only councillors reach these; staff get 403. */
export const COUNCILLOR_PAGES = [
  '/console/casework',
  '/console/casework/new',
  '/console/casework/cases/ID',
  '/console/casework/ward',
];
export const COUNCILLOR_FORMS = ['/console/casework', '/console/casework/cases/ID/updates'];

export const SUPERVISOR_PAGES = [
  '/console/users',
  '/console/users/new',
  '/console/users/ID',
  '/console/reports',
  '/console/reports/figures.csv',
];
export const SUPERVISOR_FORMS = [
  '/console/users',
  '/console/users/ID/role',
  '/console/users/ID/disable',
  '/console/users/ID/enable',
  '/console/users/ID/password',
];
