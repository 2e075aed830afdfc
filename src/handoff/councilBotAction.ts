import { isPlainObject } from '../storage/plainObject';

/** The `channelData.councilBot` of a recorded activity, if it has one (any shape: it is read, never trusted). */
export function councilBotMetaOf(activity: Record<string, unknown>): Record<string, unknown> | undefined {
  const channelData = activity.channelData;
  if (!isPlainObject(channelData)) return undefined;
  const meta = channelData.councilBot;
  return isPlainObject(meta) ? meta : undefined;
}

/** A string field of an object read from a recorded activity. */
export function textField(value: Record<string, unknown> | undefined, field: string): string | undefined {
  const found = value?.[field];
  return typeof found === 'string' ? found : undefined;
}
