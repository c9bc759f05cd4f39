/** What became of a request just sent: news as a status, a refusal as an alert. */
export interface RequestMessageValue {
  ok: boolean;
  text: string;
}

export function RequestMessage({ message }: { message: RequestMessageValue | null }) {
  if (!message) return null;
  return (
    <p
      role={message.ok ? 'status' : 'alert'}
      className={message.ok ? 'text-sm text-emerald-700' : 'text-sm text-red-700'}
    >
      {message.text}
    </p>
  );
}
