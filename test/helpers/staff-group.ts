let seq = 700_000;

/**
 * A Telegram update: a member of the staff group `groupId` replies (swipe-reply) to the bot's
 * post `replyTo` there, as office staff answer a handed-over citizen or close the case.
 */
export function staffGroupReply(groupId: number, replyTo: number | string, text: string): Record<string, unknown> {
  const id = ++seq;
  const chat = { id: groupId, type: "supergroup", title: "Một cửa" };
  return {
    update_id: id,
    message: {
      message_id: id,
      date: 1763900000,
      chat,
      from: { id: 7001, is_bot: false, first_name: "Lan" },
      text,
      reply_to_message: { message_id: Number(replyTo), date: 1763900000, chat, from: { id: 4242, is_bot: true, first_name: "DVC" }, text: "…" },
    },
  };
}
