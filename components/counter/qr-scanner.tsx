"use client";

import jsQR from "jsqr";
import { useEffect, useRef, useState } from "react";

export type QrScannerLabels = { video: string; starting: string; noCamera: string; aim: string };

/**
 * The tablet's camera, decoding QR codes from its frames (jsQR) a few times a second. The first
 * code read is handed over once and the camera stops; leaving the screen stops it too.
 */
export function QrScanner({ labels, onCode }: { labels: QrScannerLabels; onCode: (text: string) => void }) {
  const video = useRef<HTMLVideoElement>(null);
  const [state, setState] = useState<"starting" | "scanning" | "failed">("starting");
  const handler = useRef(onCode);
  useEffect(() => {
    handler.current = onCode;
  }, [onCode]);

  useEffect(() => {
    let stream: MediaStream | null = null;
    let timer: ReturnType<typeof setInterval> | undefined;
    let stopped = false;
    const canvas = document.createElement("canvas");
    const context = canvas.getContext("2d", { willReadFrequently: true });
    const stop = () => {
      stopped = true;
      if (timer) clearInterval(timer);
      stream?.getTracks().forEach((track) => track.stop());
    };
    (async () => {
      try {
        stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: "environment" }, audio: false });
        if (stopped || !video.current) return stop();
        video.current.srcObject = stream;
        await video.current.play().catch(() => undefined);
        setState("scanning");
        timer = setInterval(() => {
          const element = video.current;
          if (!element || !context || element.videoWidth === 0) return;
          // Decoding a smaller frame is faster and reads a QR held at the counter just as well.
          const scale = Math.min(1, 640 / element.videoWidth);
          canvas.width = Math.round(element.videoWidth * scale);
          canvas.height = Math.round(element.videoHeight * scale);
          context.drawImage(element, 0, 0, canvas.width, canvas.height);
          const image = context.getImageData(0, 0, canvas.width, canvas.height);
          const code = jsQR(image.data, image.width, image.height, { inversionAttempts: "dontInvert" });
          if (code?.data) {
            stop();
            handler.current(code.data);
          }
        }, 200);
      } catch {
        if (!stopped) setState("failed");
      }
    })();
    return stop;
  }, []);

  return (
    <div className="space-y-3">
      <div className="relative overflow-hidden rounded-2xl bg-stone-900">
        <video ref={video} muted playsInline aria-label={labels.video} className="aspect-[4/3] w-full object-cover" />
        {state === "scanning" ? (
          <div aria-hidden="true" className="pointer-events-none absolute inset-[15%] rounded-2xl border-4 border-white/80" />
        ) : null}
      </div>
      <p role="status" className="text-center text-base text-stone-700">
        {state === "starting" ? labels.starting : state === "failed" ? labels.noCamera : labels.aim}
      </p>
    </div>
  );
}
