import { CLIENT_HEADER } from "../../lib/server/clientAddress";

/**
 * The headers of a request that alphascope's HTTP server received from this machine at
 * http://localhost:3000: what a handler sees for a local `curl` or the upload page opened locally.
 */
export const LOCAL_CLIENT: Readonly<Record<string, string>> = {
  host: "localhost:3000",
  [CLIENT_HEADER]: "local",
};
