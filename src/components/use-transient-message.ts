import { useEffect, useState } from 'react';

/** A status message (for a live region) that clears itself after `ms`. */
export function useTransientMessage(ms = 4000): [string, (message: string) => void] {
  const [message, setMessage] = useState('');
  useEffect(() => {
    if (!message) return;
    const timer = setTimeout(() => setMessage(''), ms);
    return () => clearTimeout(timer);
  }, [message, ms]);
  return [message, setMessage];
}
