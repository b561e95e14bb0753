/* SPDX-License-Identifier: GPL-2.0-only */
/* A spinlock on a word in memory someone else allocated (C callers' lock handles, e.g. ACPICA's). */
#ifndef APUS_SPIN_H
#define APUS_SPIN_H

#include <stdint.h>
#include "cpu.h"

/* Takes the lock at `word` (interrupts are the caller's business). */
APUS_UNSAFE static inline void spin_lock_word(uint32_t *word)
{
	while (__atomic_exchange_n(word, 1, __ATOMIC_ACQUIRE))
		while (__atomic_load_n(word, __ATOMIC_RELAXED))
			cpu_pause();
}

APUS_UNSAFE static inline void spin_unlock_word(uint32_t *word)
{
	__atomic_store_n(word, 0, __ATOMIC_RELEASE);
}

#endif
