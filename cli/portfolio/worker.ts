// The worker thread's entry: runs each job the pool sends, one at a time, and posts its result back.
import { parentPort } from "worker_threads";
import { runJob } from "./job";
import type { Job } from "./job";

const port = parentPort;
if (port) {
  port.on("message", (job: Job) => {
    void runJob(job).then((result) => port.postMessage(result));
  });
}
