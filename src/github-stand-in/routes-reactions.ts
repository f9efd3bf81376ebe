import { commentOf, issueOf, repoOf } from "./lookups.js";
import { validationFailed, type Reply } from "./replies.js";
import { reactionJson } from "./representations.js";
import { requiredBodyString, type RouteRequest } from "./request.js";
import { route } from "./router.js";
import { APP_BOT, nextId, timestamp, type Reaction } from "./state.js";

const CONTENTS = ["+1", "-1", "laugh", "confused", "heart", "hooray", "rocket", "eyes"];

/** GitHub answers 200 with the existing reaction when the same user reacts the same way again. */
function react(req: RouteRequest, reactions: Reaction[]): Reply {
  const content = requiredBodyString(req, "content", "Reaction");
  if (!CONTENTS.includes(content)) throw validationFailed({ resource: "Reaction", code: "invalid", field: "content" });
  const existing = reactions.find((reaction) => reaction.content === content && reaction.user.login === APP_BOT.login);
  if (existing) return { status: 200, body: reactionJson(existing) };
  const reaction: Reaction = { id: nextId(req.state), content, user: APP_BOT, created_at: timestamp(req.state) };
  reactions.push(reaction);
  return { status: 201, body: reactionJson(reaction) };
}

export const reactionRoutes = [
  route("POST", "/repos/:owner/:repo/issues/:number/reactions", (req) => react(req, issueOf(req, repoOf(req)).reactions)),
  route("POST", "/repos/:owner/:repo/issues/comments/:id/reactions", (req) =>
    react(req, commentOf(req, repoOf(req)).comment.reactions),
  ),
];
