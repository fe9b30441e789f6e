// Workaround for a botbuilder 4.23.3 bug: since botframework-connector moved to @azure/core-client, sending an
// activity through the Bot Connector (the path to real Teams and to the Agents Playground) drops every entity
// field except type/text/mentioned, so the citation entity arrives as just {type}. The serializer looks up the
// registered Entity mapper by name and ignores the additionalProperties declared on Activity.entities.
// Fixed upstream by declaring additionalProperties on the Entity mapper itself (microsoft/botbuilder-js#4903);
// this does the same at startup until the installed version has it. test/teams/teamsBot.test.ts checks the wire format.
import * as Mappers from 'botframework-connector/lib/connectorApi/models/mappers';

export function keepEntityFields(): void {
  const entity = Mappers.Entity as { type: { additionalProperties?: unknown } };
  entity.type.additionalProperties ??= { type: { name: 'Object' } };
}
