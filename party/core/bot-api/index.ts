export { BOT_API_MEMBERS, BOT_HANDLERS, type BotApiMember } from "./bot-api-members";
export { STARTER_BOTS, type StarterRole } from "./starter-bots";
