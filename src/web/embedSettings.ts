/**
 * What the embed script needs to know, filled in by the server for each council. Shared by the server
 * (`embedScript.ts`) and the script itself (`browser/embed.ts`), so it imports nothing.
 */
export interface EmbedSettings {
  councilName: string;
  brandColour: string;
  bundlePath: string;
}
