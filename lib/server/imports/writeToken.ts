import { createHash, timingSafeEqual } from "node:crypto";
import { ApiError } from "../errors";

/** Environment variable holding the token that write requests must present; reads stay open. */
export const WRITE_TOKEN_VARIABLE = "ALPHASCOPE_WRITE_TOKEN";

function digest(text: string): Buffer {
  return createHash("sha256").update(text).digest();
}

/**
 * Checks `Authorization: Bearer <token>` when ALPHASCOPE_WRITE_TOKEN is set: 401 without a token,
 * 403 with a wrong one (compared in constant time). Does nothing when the variable is unset.
 */
export function requireWriteToken(request: Request, env: NodeJS.ProcessEnv = process.env): void {
  const expected = env[WRITE_TOKEN_VARIABLE];
  if (!expected) return;
  const header = request.headers.get("authorization") ?? "";
  const match = /^Bearer\s+(.+)$/i.exec(header.trim());
  if (!match) {
    throw new ApiError(
      401,
      "unauthorized",
      "This server requires a write token: send Authorization: Bearer <token> (a browser unlocks writes once, in Saved views).",
    );
  }
  if (!timingSafeEqual(digest(match[1]), digest(expected))) {
    throw new ApiError(403, "forbidden", "The write token is not valid.");
  }
}
