import "server-only";
import type { MailMessage } from "@/lib/mail/create-mailer";
import { sendMail } from "@/lib/mail/send-mail";
import { handleCardMilestones } from "@/lib/notifications/handle-card-milestones";
import { applyActivityEvents } from "@/lib/stats/apply-activity-events";
import type { ActivityEvent } from "@/lib/stats/activity-event";
import { refreshGoogleObject, registerGoogleWalletProvider } from "@/lib/wallet/google/google-wallet-provider";
import { dropErasedCardDevices } from "@/lib/wallet/apple/apple-wallet-provider";
import { forgetCardPasses, updateCardPasses, updateProgramPasses } from "@/lib/wallet/wallet-service";
import { EVENT_TYPES, type WalletCardChangedPayload, type WalletCardErasedPayload } from "../event-types";
import type { OutboxHandler } from "../outbox-worker";

// Wherever events are delivered (the app's worker, `npm run worker`), the wallets are registered.
registerGoogleWalletProvider();

/** The handler for each outbox event type. The wallet and mail issues add theirs here. */
export const OUTBOX_HANDLERS: OutboxHandler[] = [
  {
    type: EVENT_TYPES.statsActivity,
    kind: "transactional",
    batchSize: 500,
    handle: (tx, events) =>
      applyActivityEvents(
        tx,
        events.map((event) => event.payload as ActivityEvent),
      ),
  },
  {
    type: EVENT_TYPES.cardMilestone,
    kind: "transactional",
    batchSize: 100,
    handle: handleCardMilestones,
  },
  {
    type: EVENT_TYPES.walletCardChanged,
    kind: "delivery",
    coalesce: true,
    batchSize: 100,
    handle: (event) => updateCardPasses((event.payload as WalletCardChangedPayload).cardId),
  },
  {
    type: EVENT_TYPES.walletCardErased,
    kind: "delivery",
    batchSize: 20,
    handle: (event) => forgetCardPasses(event.payload as WalletCardErasedPayload),
  },
  {
    type: EVENT_TYPES.appleDropErasedDevices,
    kind: "delivery",
    batchSize: 50,
    handle: async (event) => {
      await dropErasedCardDevices((event.payload as { cardId: string }).cardId);
    },
  },
  {
    type: EVENT_TYPES.mailSend,
    kind: "delivery",
    batchSize: 20,
    handle: async (event) => {
      await sendMail(event.payload as MailMessage);
    },
  },
  {
    type: EVENT_TYPES.walletProgramChanged,
    kind: "delivery",
    coalesce: true,
    batchSize: 20,
    handle: (event) => updateProgramPasses((event.payload as { programId: string }).programId),
  },
  {
    type: EVENT_TYPES.walletGoogleObjectRefresh,
    kind: "delivery",
    coalesce: true,
    batchSize: 100,
    handle: (event) => refreshGoogleObject((event.payload as { cardId: string }).cardId),
  },
];
