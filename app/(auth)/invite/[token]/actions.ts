"use server";

import { redirect } from "next/navigation";
import { acceptInvitation } from "@/lib/accounts/invitations";
import { acceptInvitationSchema } from "@/lib/accounts/schemas";
import { publicAction } from "@/lib/actions/public-action";
import { systemClock } from "@/lib/clock";

export const acceptInvitationAction = publicAction({ schema: acceptInvitationSchema }, async (input) => {
  await acceptInvitation(input.token, { name: input.name, password: input.password }, systemClock);
  redirect("/login?notice=joined");
});
