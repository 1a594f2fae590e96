import { emailSchema, ROLES, roleSchema } from "../../contracts/users";
import { listUsers } from "../../db/queries/users";
import { putUserRecorded, removeUserRecorded } from "../../server/auth/accounts";
import { cliValue, parseCommandArgs } from "../args";
import { type CliIO, UsageError, withDatabase } from "../context";
import { renderTable } from "../table";

const USAGE_LINES = [
  `alphascope users add <email> --role ${ROLES.join("|")}`,
  "alphascope users list [--json]",
  "alphascope users remove <email>",
];
const USAGE_TEXT = `Usage:\n  ${USAGE_LINES.join("\n  ")}`;

/**
 * `alphascope users add|list|remove`: the people of a team server (ALPHASCOPE_AUTH) and their roles.
 * The CLI runs on the database, so it is how the first admin is made; each change is audited with
 * the actor "local".
 */
export async function usersCommand(io: CliIO, args: string[]): Promise<number> {
  const [action, ...rest] = args;
  if (action === "add") return addUser(io, rest);
  if (action === "list") return listUsersCommand(io, rest);
  if (action === "remove") return removeUserCommand(io, rest);
  throw new UsageError(
    action === undefined ? USAGE_TEXT : `Unknown users command "${action}".\n\n${USAGE_TEXT}`,
  );
}

async function addUser(io: CliIO, args: string[]): Promise<number> {
  const { positionals, values } = parseCommandArgs(
    args,
    { role: { type: "string" } },
    { allowPositionals: true },
  );
  if (positionals.length !== 1 || values.role === undefined) throw new UsageError(`Usage: ${USAGE_LINES[0]}`);
  const email = cliValue(emailSchema, positionals[0], "<email>");
  const role = cliValue(roleSchema, values.role, "--role");
  const { user, change } = await withDatabase((db) => putUserRecorded(db, { email, role }, "local"));
  io.out(
    change === "added"
      ? `Added ${user.email} as ${user.role}.`
      : change === "role"
        ? `Changed ${user.email}'s role to ${user.role}.`
        : `${user.email} is already ${user.role}.`,
  );
  return 0;
}

async function listUsersCommand(io: CliIO, args: string[]): Promise<number> {
  const { positionals, values } = parseCommandArgs(
    args,
    { json: { type: "boolean", default: false } },
    {
      allowPositionals: true,
    },
  );
  if (positionals.length > 0) throw new UsageError(`Usage: ${USAGE_LINES[1]}`);
  const users = await withDatabase(listUsers);
  if (values.json) {
    io.out(JSON.stringify(users, null, 2));
    return 0;
  }
  if (users.length === 0) {
    io.out(`No users yet. Add the first admin with \`alphascope users add <email> --role admin\`.`);
    return 0;
  }
  io.out(
    renderTable(
      ["email", "role", "added"],
      users.map((user) => [user.email, user.role, user.createdAt]),
    ),
  );
  return 0;
}

async function removeUserCommand(io: CliIO, args: string[]): Promise<number> {
  const { positionals } = parseCommandArgs(args, {}, { allowPositionals: true });
  if (positionals.length !== 1) throw new UsageError(`Usage: ${USAGE_LINES[2]}`);
  const email = cliValue(emailSchema, positionals[0], "<email>");
  const removed = await withDatabase((db) => removeUserRecorded(db, email, "local"));
  if (!removed) throw new UsageError(`No user ${email}. List them with \`alphascope users list\`.`, 1);
  io.out(`Removed ${email} and their tokens.`);
  return 0;
}
