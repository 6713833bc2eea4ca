export { BOT_API_MEMBERS, BOT_HANDLERS, type BotApiMember } from "./bot-api-members";
export { type BotDiagnostic, lintBot } from "./bot-lint";
export { STARTER_BOTS, type StarterRole } from "./starter-bots";
