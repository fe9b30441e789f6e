// teams-ai 1.7.4 reads `startTypingTimer` into its options but Application.run starts the typing timer on every
// message regardless, so any turn slower than a second sends an extra `typing` activity (and with
// expectReplies that activity lands in the reply list). The timer is also one field shared by concurrent turns.
// This subclass makes the option mean what it says: run() calls startTypingTimer(), which now honours it.
import { Application, type TurnState } from '@microsoft/teams-ai';
import type { TurnContext } from 'botbuilder';

export class TypingTimerOptionApplication<TState extends TurnState = TurnState> extends Application<TState> {
  override startTypingTimer(context: TurnContext): void {
    if (this.options.startTypingTimer) super.startTypingTimer(context);
  }
}
