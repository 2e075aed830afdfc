import type { RequestType } from '../../src/requests/requestTypes';
import type { ConversationServices } from '../conversationServices';
import { AbandonedVehicleDialog } from './abandonedVehicleDialog';
import { CallbackDialog } from './callbackDialog';
import { FlyTippingDialog } from './flyTippingDialog';
import { MissedBinDialog } from './missedBinDialog';
import { NewBinDialog } from './newBinDialog';
import { NoiseDialog } from './noiseDialog';
import type { RequestDialog } from './requestDialog';
import { StreetCleansingDialog } from './streetCleansingDialog';

/** One dialog per request type. */
export function createRequestDialogs(services: ConversationServices): Record<RequestType, RequestDialog> {
  return {
    'missed-bin': new MissedBinDialog(services),
    'fly-tipping': new FlyTippingDialog(services),
    'street-cleansing': new StreetCleansingDialog(services),
    'new-bin': new NewBinDialog(services),
    'abandoned-vehicle': new AbandonedVehicleDialog(services),
    noise: new NoiseDialog(services),
    callback: new CallbackDialog(services),
  };
}
