/**
 * Whether a family may still answer 确认入学 for a placement: it was given a seat, has not answered, and the draw's
 * deadline has not passed.
 */
export function seatAnswerOpen(seat: { placed: boolean; confirmation: string | null; confirmBy: Date | null }, now: Date): boolean {
  return seat.placed && seat.confirmation === null && seat.confirmBy !== null && seat.confirmBy.getTime() > now.getTime();
}
