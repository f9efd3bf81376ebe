import type { TakenFault } from "./faults.js";
import { errorReply, GitHubError, type Reply } from "./replies.js";
import type { RouteRequest } from "./request.js";
import { matchRoute } from "./router.js";
import { appRoutes } from "./routes-app.js";
import { checkRunRoutes } from "./routes-check-runs.js";
import { commentRoutes } from "./routes-comments.js";
import { deliveryRoutes } from "./routes-deliveries.js";
import { issueRoutes } from "./routes-issues.js";
import { labelRoutes } from "./routes-labels.js";
import { pullFileRoutes } from "./routes-pull-files.js";
import { pullRoutes } from "./routes-pulls.js";
import { reactionRoutes } from "./routes-reactions.js";
import { repoRoutes } from "./routes-repos.js";

const routes = [
  ...appRoutes,
  ...deliveryRoutes,
  ...repoRoutes,
  ...issueRoutes,
  ...commentRoutes,
  ...reactionRoutes,
  ...labelRoutes,
  ...pullRoutes,
  ...pullFileRoutes,
  ...checkRunRoutes,
];

/** The reply to a request, with an injected fault applied; `routed` is false when no route matched. */
export function dispatch(req: RouteRequest, fault: TakenFault | undefined): { reply: Reply; routed: boolean } {
  if (fault && !fault.afterHandling) return { reply: fault.reply, routed: true };
  const match = matchRoute(routes, req.method, req.path);
  if (!match) return { reply: errorReply(404, "Not Found"), routed: false };
  const reply = handle(() => match.handler({ ...req, params: match.params }));
  return { reply: fault?.reply ?? reply, routed: true };
}

function handle(handler: () => Reply): Reply {
  try {
    return handler();
  } catch (error) {
    if (error instanceof GitHubError) return error.reply;
    throw error;
  }
}
