import type { Server } from 'restify';
import type { RenderRefusal } from '../server/http/refusal';
import type { ConsoleAccounts } from './auth/consoleAccounts';
import type { ConsoleContext, ConsoleDependencies } from './consoleContext';
import { addAssetRoutes, ASSET_BASE } from './routes/assetRoutes';
import { addCaseworkRoutes } from './routes/caseworkRoutes';
import { addChatRoutes } from './routes/chatRoutes';
import { addNewRequestRoutes } from './routes/newRequestRoutes';
import { ConsoleGuard } from './routes/consoleGuard';
import { addQueueRoutes } from './routes/queueRoutes';
import { addReportRoutes } from './routes/reportRoutes';
import { addRequestRoutes } from './routes/requestRoutes';
import { addSignInRoutes } from './routes/signInRoutes';
import { addStreamRoute, OpenStreams } from './routes/streamRoute';
import { addPersonalDataRoutes } from './routes/personalDataRoutes';
import { addUserRoutes } from './routes/userRoutes';

export type { ConsoleDependencies } from './consoleContext';

/** Sessions end after this long whatever happens, so a forgotten signed-in browser does not stay signed in. */
export const MAX_SESSION_HOURS = 12;

/** The console as the composition root sees it. */
export interface ConsoleRoutes {
  accounts: ConsoleAccounts;
  /** Renders a refusal of a console request made before any console handler ran (page or JSON). */
  renderRefusal: RenderRefusal;
  /** Ends every open live stream (the server is stopping). */
  close(): void;
}

/**
 * The CSA console under `/console`: sign-in and accounts, the queue and chats (through `HandoffDesk`), callbacks and
 * service requests, supervisors' reports, GOV.UK Frontend's assets, and the live stream. The one function the
 * composition root calls, with the accounts it built (`createConsoleAccounts`).
 */
export function addConsoleRoutes(
  server: Server,
  dependencies: ConsoleDependencies,
  accounts: ConsoleAccounts,
): ConsoleRoutes {
  const context: ConsoleContext = {
    ...dependencies,
    accounts,
    assetBase: ASSET_BASE,
    councilName: () => dependencies.knowledge.current().knowledge.profile.name,
  };
  const guard = new ConsoleGuard(context);
  const streams = new OpenStreams();
  addAssetRoutes(server);
  addSignInRoutes(server, context, guard);
  addQueueRoutes(server, context, guard);
  addChatRoutes(server, context, guard);
  addNewRequestRoutes(server, context, guard);
  addUserRoutes(server, context, guard);
  addPersonalDataRoutes(server, context, guard);
  addRequestRoutes(server, context, guard);
  addReportRoutes(server, context, guard);
  addStreamRoute(server, context, guard, streams);
  if (dependencies.casework) addCaseworkRoutes(server, context, guard, dependencies.casework);
  return {
    accounts,
    renderRefusal: (req, refusal) => guard.refusalResponse(req, refusal),
    close: () => streams.closeAll(),
  };
}
