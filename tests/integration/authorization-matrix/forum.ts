/** Rows for the community forum and its moderation. */
import { everyone, forumUsers, only, type MatrixRow } from "./shapes";

export const FORUM_ROWS: MatrixRow[] = [
  // Community forum (issue 12): members post (post:forum), support staff take part (moderate:forum),
  // platform operators have neither. :forumTopicId is member@grace's question, :forumReplyId the
  // otherAdmin's own reply to it: only its author may open its edit page, anyone else gets 403.
  { route: "/community", method: "GET", expect: forumUsers(200) },
  { route: "/community", method: "POST", expect: everyone(405) },
  { route: "/community/c/:slug", method: "GET", path: "/community/c/questions", expect: forumUsers(200) },
  { route: "/community/c/:slug", method: "GET", path: "/community/c/no-such-category", expect: forumUsers(404) },
  { route: "/community/c/:slug", method: "POST", path: "/community/c/questions", expect: everyone(405) },
  { route: "/community/t/:topicId", method: "GET", path: "/community/t/:forumTopicId", expect: forumUsers(200) },
  { route: "/community/t/:topicId", method: "GET", path: "/community/t/not-a-topic", expect: forumUsers(404) },
  {
    route: "/community/t/:topicId",
    method: "POST",
    path: "/community/t/:forumTopicId",
    form: { intent: "reply", body: "" },
    expect: forumUsers(400),
  },
  { route: "/community/new", method: "GET", expect: forumUsers(200) },
  { route: "/community/new", method: "POST", form: { category: "questions", title: "" }, expect: forumUsers(400) },
  {
    route: "/community/posts/:postId/edit",
    method: "GET",
    path: "/community/posts/:forumReplyId/edit",
    expect: { ...forumUsers(403), otherAdmin: 200 },
  },
  {
    route: "/community/posts/:postId/edit",
    method: "POST",
    path: "/community/posts/:forumReplyId/edit",
    form: { body: "" },
    expect: { ...forumUsers(403), otherAdmin: 400 },
  },
  {
    route: "/community/posts/:postId/edit",
    method: "GET",
    path: "/community/posts/not-a-post/edit",
    expect: forumUsers(404),
  },
  { route: "/community/settings", method: "GET", expect: forumUsers(200) },
  // Unticked, as a browser sends it: shows no church, which is the default (a redirect back).
  { route: "/community/settings", method: "POST", form: {}, expect: forumUsers(302) },
  // The e-mail's unsubscribe link works without signing in; an unknown token names nothing.
  {
    route: "/community/unsubscribe/:token",
    method: "GET",
    path: "/community/unsubscribe/not-a-token",
    expect: everyone(200),
  },
  {
    route: "/community/unsubscribe/:token",
    method: "POST",
    path: "/community/unsubscribe/not-a-token",
    expect: everyone(200),
  },

  // Forum moderation (issue 12): the queue, settings, categories and one post or topic are support
  // staff's (moderate:forum); every POST is a harmless invalid form. :forumReplyId is otherAdmin's own post.
  { route: "/community/moderation", method: "GET", expect: only({ staff: 200 }) },
  { route: "/community/moderation", method: "POST", expect: everyone(405) },
  { route: "/community/moderation/settings", method: "GET", expect: only({ staff: 200 }) },
  {
    route: "/community/moderation/settings",
    method: "POST",
    form: { approveFirstPosts: "many" },
    expect: only({ staff: 400 }),
  },
  { route: "/community/moderation/categories", method: "GET", expect: only({ staff: 200 }) },
  {
    route: "/community/moderation/categories",
    method: "POST",
    form: { intent: "add", slug: "" },
    expect: only({ staff: 400 }),
  },
  {
    route: "/community/moderation/posts/:postId",
    method: "GET",
    path: "/community/moderation/posts/:forumReplyId",
    expect: only({ staff: 200 }),
  },
  {
    route: "/community/moderation/posts/:postId",
    method: "GET",
    path: "/community/moderation/posts/not-a-post",
    expect: only({ staff: 404 }),
  },
  {
    route: "/community/moderation/posts/:postId",
    method: "POST",
    path: "/community/moderation/posts/:forumReplyId",
    form: { intent: "hide", reason: "" },
    expect: only({ staff: 400 }),
  },
  {
    route: "/community/moderation/topics/:topicId",
    method: "GET",
    path: "/community/moderation/topics/:forumTopicId",
    expect: only({ staff: 200 }),
  },
  {
    route: "/community/moderation/topics/:topicId",
    method: "GET",
    path: "/community/moderation/topics/not-a-topic",
    expect: only({ staff: 404 }),
  },
  {
    route: "/community/moderation/topics/:topicId",
    method: "POST",
    path: "/community/moderation/topics/:forumTopicId",
    form: { intent: "lock", reason: "" },
    expect: only({ staff: 400 }),
  },
  // Reporting a post is for members who post (post:forum): not staff, not operators, not on one's own post.
  {
    route: "/community/posts/:postId/flag",
    method: "GET",
    path: "/community/posts/:forumReplyId/flag",
    expect: only({ member: 200, leader: 200, admin: 200 }),
  },
  {
    route: "/community/posts/:postId/flag",
    method: "POST",
    path: "/community/posts/:forumReplyId/flag",
    form: { reason: "" },
    expect: only({ member: 400, leader: 400, admin: 400 }),
  },
  {
    route: "/community/posts/:postId/flag",
    method: "GET",
    path: "/community/posts/not-a-post/flag",
    expect: only({ member: 404, leader: 404, admin: 404, otherAdmin: 404 }),
  },
  // A question turned into a help draft: support staff (manage:help and moderate:forum).
  {
    route: "/community/t/:topicId/help-draft",
    method: "GET",
    path: "/community/t/:forumTopicId/help-draft",
    expect: only({ staff: 200 }),
  },
  {
    route: "/community/t/:topicId/help-draft",
    method: "POST",
    path: "/community/t/:forumTopicId/help-draft",
    form: { title: "" },
    expect: only({ staff: 400 }),
  },
];
