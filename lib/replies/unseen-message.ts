/** A message the composer had not seen when the reply was written. */
export type UnseenMessage = {
  id: string;
  direction: "inbound" | "outbound";
  authorType: string;
  /** The staff member's name for an outbound message, when known. */
  authorName: string | null;
  body: string;
  createdAt: Date;
};
