import {
  accountIdSchema,
  tokenDaysSchema,
  tokenNameSchema,
  tokenScopeSchema,
} from "../../contracts/accounts";
import { emailSchema } from "../../contracts/users";
import { listApiTokens } from "../../db/queries/apiTokens";
import { userByEmail } from "../../db/queries/users";
import { createTokenRecorded, revokeTokenRecorded } from "../../server/auth/accounts";
import { cliValue, parseCommandArgs } from "../args";
import { type CliIO, UsageError, withDatabase } from "../context";
import { renderTable } from "../table";

const USAGE_LINES = [
  "alphascope tokens create --user <email> [--scope read|write] [--name <text>] [--expires <days>]",
  "alphascope tokens list [--user <email>] [--json]",
  "alphascope tokens revoke <id>",
];
const USAGE_TEXT = `Usage:\n  ${USAGE_LINES.join("\n  ")}`;

/**
 * `alphascope tokens create|list|revoke`: personal API tokens (`Authorization: Bearer <token>`). The
 * secret is printed once and only its hash is stored; each change is audited with the actor "local".
 */
export async function tokensCommand(io: CliIO, args: string[]): Promise<number> {
  const [action, ...rest] = args;
  if (action === "create") return createToken(io, rest);
  if (action === "list") return listTokens(io, rest);
  if (action === "revoke") return revokeToken(io, rest);
  throw new UsageError(
    action === undefined ? USAGE_TEXT : `Unknown tokens command "${action}".\n\n${USAGE_TEXT}`,
  );
}

async function createToken(io: CliIO, args: string[]): Promise<number> {
  const { positionals, values } = parseCommandArgs(
    args,
    {
      user: { type: "string" },
      scope: { type: "string", default: "write" },
      name: { type: "string", default: "cli" },
      expires: { type: "string" },
    },
    { allowPositionals: true },
  );
  if (positionals.length > 0 || values.user === undefined) throw new UsageError(`Usage: ${USAGE_LINES[0]}`);
  const email = cliValue(emailSchema, values.user, "--user");
  const scope = cliValue(tokenScopeSchema, values.scope, "--scope");
  const name = cliValue(tokenNameSchema, values.name, "--name");
  const expiresInDays =
    values.expires === undefined
      ? undefined
      : cliValue(tokenDaysSchema, wholeNumber(values.expires), "--expires");
  const created = await withDatabase(async (db) => {
    const user = await userByEmail(db, email);
    if (user === null) {
      throw new UsageError(
        `--user: no user ${email}. Add them with \`alphascope users add ${email} --role editor\`.`,
        1,
      );
    }
    return createTokenRecorded(db, { user, name, scope, expiresInDays }, "local");
  });
  const { token, secret } = created;
  io.err(
    `Created token ${token.id} "${token.name}" (${token.scope}) for ${token.userEmail}, ${
      token.expiresAt === null ? "never expiring" : `expiring ${token.expiresAt}`
    }. It is shown this once: keep it now.`,
  );
  io.out(secret);
  return 0;
}

/** `--expires 30` as the number the schema checks; anything else (30d, 1e3) is refused as it is. */
function wholeNumber(text: string): number | string {
  return /^\d+$/.test(text.trim()) ? Number(text) : text;
}

async function listTokens(io: CliIO, args: string[]): Promise<number> {
  const { positionals, values } = parseCommandArgs(
    args,
    {
      user: { type: "string" },
      json: { type: "boolean", default: false },
    },
    { allowPositionals: true },
  );
  if (positionals.length > 0) throw new UsageError(`Usage: ${USAGE_LINES[1]}`);
  const email = values.user === undefined ? undefined : cliValue(emailSchema, values.user, "--user");
  const tokens = await withDatabase(async (db) => {
    if (email === undefined) return listApiTokens(db);
    const user = await userByEmail(db, email);
    if (user === null) throw new UsageError(`--user: no user ${email}.`, 1);
    return listApiTokens(db, { userId: user.id });
  });
  if (values.json) {
    io.out(JSON.stringify(tokens, null, 2));
    return 0;
  }
  if (tokens.length === 0) {
    io.out("No tokens.");
    return 0;
  }
  const when = (iso: string | null) => iso ?? "—";
  io.out(
    renderTable(
      ["id", "user", "name", "scope", "created", "last used", "expires", "revoked"],
      tokens.map((token) => [
        token.id,
        token.userEmail,
        token.name,
        token.scope,
        token.createdAt,
        when(token.lastUsedAt),
        token.expiresAt ?? "never",
        when(token.revokedAt),
      ]),
    ),
  );
  return 0;
}

async function revokeToken(io: CliIO, args: string[]): Promise<number> {
  const { positionals } = parseCommandArgs(args, {}, { allowPositionals: true });
  if (positionals.length !== 1) throw new UsageError(`Usage: ${USAGE_LINES[2]}`);
  const id = cliValue(accountIdSchema, positionals[0], "<id>");
  const revoked = await withDatabase((db) => revokeTokenRecorded(db, id, "local"));
  if (revoked === null) {
    throw new UsageError(
      `No live token ${id} (unknown or already revoked). List them with \`alphascope tokens list\`.`,
      1,
    );
  }
  io.out(`Revoked token ${id} "${revoked.name}" of ${revoked.userEmail}.`);
  return 0;
}
