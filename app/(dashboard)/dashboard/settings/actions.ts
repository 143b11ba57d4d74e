"use server";

import { revalidatePath } from "next/cache";
import { cancelInvitation, inviteManager, resendInvitation } from "@/lib/accounts/invitations";
import { invitationIdSchema, inviteManagerSchema, removeManagerSchema } from "@/lib/accounts/schemas";
import { removeManager } from "@/lib/accounts/team";
import { merchantAction } from "@/lib/actions/merchant-action";
import { updateMerchantSettingsSchema } from "@/lib/merchants/schemas";
import { updateMerchantSettings } from "@/lib/merchants/update-merchant-settings";

export const updateMerchantSettingsAction = merchantAction(
  { schema: updateMerchantSettingsSchema, ownerOnly: true },
  async (session, input) => {
    const { changed } = await updateMerchantSettings(session.ctx, input);
    revalidatePath("/dashboard", "layout"); // the name shows in every page's header
    return { changed };
  },
);

export const inviteManagerAction = merchantAction({ schema: inviteManagerSchema, ownerOnly: true }, async (session, input) => {
  const invitation = await inviteManager(session.ctx, input.email);
  revalidatePath("/dashboard/settings");
  return { email: invitation.email };
});

export const resendInvitationAction = merchantAction({ schema: invitationIdSchema, ownerOnly: true }, async (session, input) => {
  const invitation = await resendInvitation(session.ctx, input.invitationId);
  revalidatePath("/dashboard/settings");
  return { email: invitation.email };
});

export const cancelInvitationAction = merchantAction({ schema: invitationIdSchema, ownerOnly: true }, async (session, input) => {
  await cancelInvitation(session.ctx, input.invitationId);
  revalidatePath("/dashboard/settings");
  return null;
});

export const removeManagerAction = merchantAction({ schema: removeManagerSchema, ownerOnly: true }, async (session, input) => {
  await removeManager(session.ctx, input.userId);
  revalidatePath("/dashboard/settings");
  return null;
});
