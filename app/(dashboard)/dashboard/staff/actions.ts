"use server";

import { revalidatePath } from "next/cache";
import { formValues } from "@/lib/actions/form-values";
import { merchantAction } from "@/lib/actions/merchant-action";
import { createStaffMember, deactivateStaffMember, unlockStaffMember, updateStaffMember } from "@/lib/staff/manage-staff";
import { changeStaffPinInputSchema, createStaffInputSchema, editStaffInputSchema, staffIdInputSchema } from "@/lib/staff/schemas";

// The list and each staff member's page.
const refresh = () => revalidatePath("/dashboard/staff", "layout");

/** Answers the PIN back once, for the "give this PIN to …" box; it is stored only as a hash. */
export const createStaffAction = merchantAction(
  { schema: createStaffInputSchema, fromForm: (form) => formValues(form, { lists: ["storeIds"] }) },
  async (session, input) => {
    const created = await createStaffMember(session.ctx, input);
    refresh();
    return { id: created.id, name: created.name, pin: input.pin };
  },
);

export const editStaffAction = merchantAction(
  { schema: editStaffInputSchema, fromForm: (form) => formValues(form, { lists: ["storeIds"] }) },
  async (session, { staffId, ...input }) => {
    await updateStaffMember(session.ctx, staffId, input);
    refresh();
  },
);

export const changeStaffPinAction = merchantAction({ schema: changeStaffPinInputSchema }, async (session, { staffId, pin }) => {
  const updated = await updateStaffMember(session.ctx, staffId, { pin });
  refresh();
  return { id: updated.id, name: updated.name, pin };
});

export const unlockStaffAction = merchantAction({ schema: staffIdInputSchema }, async (session, { staffId }) => {
  await unlockStaffMember(session.ctx, staffId);
  refresh();
});

export const deactivateStaffAction = merchantAction({ schema: staffIdInputSchema }, async (session, { staffId }) => {
  await deactivateStaffMember(session.ctx, staffId);
  refresh();
});
