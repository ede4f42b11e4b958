import type { Command } from 'commander';
import type { CommandContext } from '../with-core.ts';

export function registerPackCommands(program: Command, context: CommandContext): void {
  void program;
  void context;
}
