namespace JetStream.Analyzers.Rules.Text;

/// <summary>
/// A name pattern with '*' (any run of characters) and '?' (one character), matched without regular expressions: the
/// greedy two-pointer match backs up only to the last '*', so time is bounded by pattern × name length whatever the
/// pattern ("*a*a*a*a*b" against forty 'a's is as fast as any other).
/// </summary>
public sealed class NameGlob
{
    private readonly string pattern;

    public NameGlob(string pattern)
    {
        this.pattern = pattern;
    }

    public bool IsMatch(string name)
    {
        int p = 0, n = 0, star = -1, resume = 0;
        while (n < name.Length)
        {
            if (p < pattern.Length && (pattern[p] == '?' || pattern[p] == name[n]))
            {
                p++;
                n++;
            }
            else if (p < pattern.Length && pattern[p] == '*')
            {
                star = p++;
                resume = n;
            }
            else if (star >= 0)
            {
                p = star + 1;
                n = ++resume;
            }
            else
            {
                return false;
            }
        }

        while (p < pattern.Length && pattern[p] == '*')
        {
            p++;
        }

        return p == pattern.Length;
    }
}
