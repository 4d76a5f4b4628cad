/** What reaches a simulated device from outside: push notifications and SMS messages. */
export interface PushNotification {
  readonly id: string;
  readonly receivedAt: number;
  readonly title: string;
  readonly body: string;
  readonly data: Readonly<Record<string, string>>;
}

export interface SmsMessage {
  readonly receivedAt: number;
  readonly from: string;
  readonly text: string;
}
