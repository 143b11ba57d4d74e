import type { NextRequest } from "next/server";
import { posterResponse } from "../poster-response";

export async function GET(request: NextRequest, { params }: { params: Promise<{ storeId: string }> }) {
  return posterResponse(request, (await params).storeId, "png");
}
