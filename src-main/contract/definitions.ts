/** Every definition of a project together, as a template to reuse in another project. */
import { z } from 'zod';
import { activeBySchema, keyBehavioursSchema, type KeyBehaviour } from './behaviours';
import { channelCostsSchema, type ChannelCost } from './channels';
import { empty } from './common';
import { contributionDefinitionSchema, type ContributionDefinition } from './contribution';
import { method } from './method';
import { customerPathSchema, type CustomerPath } from './path';
import { quadrantDefinitionSchema, type QuadrantDefinition } from './quadrant';
import { vvipDefinitionSchema, type VvipDefinition } from './vvip';

/** Every definition of a project, as exported as a template. */
export interface Definitions {
  path: CustomerPath;
  behaviours: KeyBehaviour[];
  quadrant: QuadrantDefinition;
  vvip: VvipDefinition;
  channelCosts: ChannelCost[];
  /** Active members: a message (DESIGN default) or any enabled key behaviour. */
  activeBy: 'message' | 'behaviour';
  /** 贡献度: the metric grid and the rating bands. */
  contribution: ContributionDefinition;
}

/** Validators of the definitions (requests carry them; the store re-validates what it reads). */
export const definitionSchemas = {
  path: customerPathSchema,
  behaviours: keyBehavioursSchema,
  quadrant: quadrantDefinitionSchema,
  vvip: vvipDefinitionSchema,
  channelCosts: channelCostsSchema,
  activeBy: activeBySchema,
  contribution: contributionDefinitionSchema,
} as const satisfies { [K in keyof Definitions]: z.ZodType<Definitions[K]> };

/** The `definitions:*` methods. */
export const definitionsMethods = {
  /** Every definition as a JSON document, to reuse in another project. */
  'definitions:export': method<string>()(empty),
  /** Replaces the definitions present in a document made by definitions:export. */
  'definitions:import': method<Definitions>()(z.object({ content: z.string().max(5_000_000) })),
};
