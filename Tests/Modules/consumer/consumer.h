/* SPDX-License-Identifier: GPL-2.0-only */
#ifndef CONSUMER_H
#define CONSUMER_H
void consumer_report(const char *when);
#endif
