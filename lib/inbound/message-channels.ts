/** request_messages.channel of a requester's automatic reply (out of office): staff see it collapsed and marked. */
export const AUTO_REPLY_CHANNEL = "email_auto_reply";
