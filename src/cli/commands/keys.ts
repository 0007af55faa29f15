import type { Command } from 'commander';
import { InputError } from '../../domain/errors.js';
import { parseRole } from '../../store/keyRecord.js';
import type { CommandContext } from '../context.js';
import { type StoreFlags, storeOptions, withStore } from '../options.js';

const roleOption = (text: string) => {
  try {
    return parseRole(text);
  } catch {
    throw new InputError({ file: 'command line', field: '--role' }, `"${text}" is not one of planner, finance, admin`);
  }
};

/** `shiftcast keys add|list|revoke`: the API keys of a store (kept hashed: `<store>/.keys.json`, or the database). */
export function registerKeys(program: Command, _ctx: CommandContext): void {
  const keys = program.command('keys').description('API keys of the REST service (stored hashed in the plan store)');
  storeOptions(
    keys
      .command('add')
      .description('make a key; it is printed once, alone on the last line')
      .requiredOption('--role <role>', 'planner, finance or admin', roleOption)
      .option('--name <name>', 'who or what uses it', ''),
  ).action(async (o: StoreFlags & { role: ReturnType<typeof parseRole>; name: string }) => {
    const { info, key } = await withStore(o, (store) => store.keys.add(o.role, o.name));
    process.stdout.write(`key ${info.id} (${info.role}${info.name ? `, ${info.name}` : ''}) made; it is shown only now:\n${key}\n`);
  });
  storeOptions(keys.command('list').description('the keys: id, role, name, created, revoked (never the keys themselves)'))
    .option('--json', 'as JSON')
    .action(async (o: StoreFlags & { json?: boolean }) => {
      const list = await withStore(o, (store) => store.keys.list());
      if (o.json) process.stdout.write(`${JSON.stringify(list, null, 2)}\n`);
      else
        for (const k of list)
          process.stdout.write(`${k.id}  ${k.role.padEnd(7)}  ${k.created}  ${k.revoked ? `revoked ${k.revoked}` : 'active'}  ${k.name}\n`);
    });
  storeOptions(keys.command('revoke').description('revoke a key by id').argument('<id>', 'the key id from `keys list`')).action(
    async (id: string, o: StoreFlags) => {
      if (!(await withStore(o, (store) => store.keys.revoke(id))))
        throw new InputError({ file: 'command line', field: 'id' }, `no active key ${id}`);
      process.stdout.write(`key ${id} revoked\n`);
    },
  );
}
