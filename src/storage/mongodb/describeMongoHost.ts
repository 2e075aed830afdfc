const URI_PARTS = /^mongodb(?:\+srv)?:\/\/(?:([^@/?#]*)@)?([^/?#]*)/;

/** The host list of a MongoDB URI (`db1:27017,db2:27017`), without credentials: safe to log and to show. */
export function describeMongoHost(uri: string): string {
  const hosts = URI_PARTS.exec(uri)?.[2];
  return hosts ? hosts : '(unrecognised MongoDB URI)';
}

/**
 * A message with the URI's user name and password, and any `scheme://user:password@` it quotes, replaced by `***`,
 * so a driver's error can be logged or printed.
 */
export function redactCredentials(message: string, uri: string): string {
  let redacted = message.replace(/(mongodb(?:\+srv)?:\/\/)[^@\s/]*@/g, '$1***@');
  const userInfo = URI_PARTS.exec(uri)?.[1];
  if (!userInfo) return redacted;
  for (const secret of userInfo.split(':').flatMap((part) => [part, safeDecode(part)])) {
    if (secret.length >= 3) redacted = redacted.split(secret).join('***');
  }
  return redacted;
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
