export { STARTER_BOTS, type StarterRole } from "./starter-bots";
