export const USAGE = `alphascope — explore the correctness–efficiency frontier of weight-averaged checkpoints

Usage:
  alphascope experiments [--json]              list experiments
  alphascope metrics <slug> [--json]           per-checkpoint metrics (the JSON of GET /api/experiments/<slug>)
  alphascope demo                              load the synthetic demo sweep (idempotent)
  alphascope delete <slug> --yes               move an experiment to the trash (ALPHASCOPE_TRASH_DAYS, default 30)
  alphascope restore <slug>                    bring a deleted experiment back from the trash
  alphascope trash [--json]                    list deleted experiments with their purge dates
  alphascope users add <email> --role viewer|editor|admin   add a team server user, or change their role
  alphascope users list [--json] | users remove <email>
  alphascope tokens create --user <email> [--scope read|write] [--name <text>] [--expires <days>]
                                               a personal API token (printed once)
  alphascope tokens list [--user <email>] [--json] | tokens revoke <id>
  alphascope versions <slug> [--json]          list an experiment's versions (what each import changed)
  alphascope versions restore <slug> <id>      make an old version current again (as a new version)
  alphascope import <file|manifest|directory> [options]  import evaluation results
                            (a directory: one alpha_<α>/ or alpha=<α>/ folder per run)
      --experiment <slug>   experiment to import into (created when missing)
      --alpha <a>           α of the checkpoint the file belongs to (e.g. --alpha -0.5)
      --format <f>          override format detection (see docs/import-formats.md)
      --tests plus|base     EvalPlus: which tests decide a pass (default plus)
      --generation <file>   LiveCodeBench _eval.json: the matching _eval_all.json for ids and difficulty
      --dry-run             parse, validate and print the summary without writing
      --replace             replace existing results of the same checkpoint and problem
                            (the old version is kept: alphascope versions <slug>)
      --confirm-identical   import a checkpoint whose verdict counts equal another α's (refused otherwise)
      --json                print the summary as JSON
      --server <url>        import on a team server (POST /api/imports) instead of the local database
      --token <t>           the server's write token (default: $ALPHASCOPE_TOKEN)
  alphascope ensemble <slug> --members -0.75:84,0.5:83,1.5:83 [--difficulty hard] [--json]
  alphascope ensemble <slug> --search --budget 250 [--max-members 3] [--difficulty hard] [--json]
  alphascope bundle <snapshot-id|slug> --out <dir>
                            a static copy of a pinned explorer view (or of the current version)
                            that opens from disk with no server and no network

Negative numbers are values as typed (--alpha -0.5); each option is given at most once.

Database: DATABASE_URL when set; otherwise the embedded PostgreSQL in .data/postgres
(ALPHASCOPE_DATA_DIR), started when it is not already running.
`;
