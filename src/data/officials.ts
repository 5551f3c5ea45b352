/**
 * People and institutions that stand for the six default actors: heads of
 * state and government since 1945, foreign ministers and ministry spokespeople
 * of note, and state or official media (an outlet whose editorial line the
 * state sets: KCNA, Xinhua, TASS; independent agencies such as Yonhap or Kyodo
 * are not a state's voice and are not listed).
 *
 * Only heads of state and government (`head`) and state media (`media`)
 * count as mentions today: by the annotation convention (docs/ANALYSIS.md §2)
 * a `leader` mention is a head of state or government. Ministers and
 * spokespeople are listed, with their terms, for when officials are marked.
 *
 * Source: general reference knowledge (lists of office holders), compiled for
 * nkmsg in 2026. Each person has the years of office that made them count;
 * `short` lists the surnames that are distinctive enough to stand alone
 * (common surnames such as Tanaka, Lee, Li or Kim only count in full).
 */

export interface Official {
  name: string;
  short?: string[];
  role: 'head' | 'minister' | 'spokesperson' | 'media';
  from: number;
  to?: number;
}

/** Each default actor's officials and state media, with their years. */
export const OFFICIALS: Record<string, Official[]> = {
  moscow: [
    { name: 'Joseph Stalin', short: ['Stalin'], role: 'head', from: 1924, to: 1953 },
    { name: 'Nikita Khrushchev', short: ['Khrushchev'], role: 'head', from: 1953, to: 1964 },
    { name: 'Leonid Brezhnev', short: ['Brezhnev'], role: 'head', from: 1964, to: 1982 },
    { name: 'Alexei Kosygin', short: ['Kosygin'], role: 'head', from: 1964, to: 1980 },
    { name: 'Yuri Andropov', short: ['Andropov'], role: 'head', from: 1982, to: 1984 },
    { name: 'Konstantin Chernenko', short: ['Chernenko'], role: 'head', from: 1984, to: 1985 },
    { name: 'Mikhail Gorbachev', short: ['Gorbachev'], role: 'head', from: 1985, to: 1991 },
    { name: 'Boris Yeltsin', short: ['Yeltsin'], role: 'head', from: 1991, to: 1999 },
    { name: 'Vladimir Putin', short: ['Putin'], role: 'head', from: 1999 },
    { name: 'Dmitry Medvedev', short: ['Medvedev'], role: 'head', from: 2008, to: 2020 },
    { name: 'Mikhail Mishustin', short: ['Mishustin'], role: 'head', from: 2020 },
    { name: 'Yevgeny Primakov', short: ['Primakov'], role: 'head', from: 1996, to: 1999 },
    { name: 'Andrei Gromyko', short: ['Gromyko'], role: 'minister', from: 1957, to: 1985 },
    { name: 'Eduard Shevardnadze', short: ['Shevardnadze'], role: 'minister', from: 1985, to: 1990 },
    { name: 'Andrei Kozyrev', short: ['Kozyrev'], role: 'minister', from: 1990, to: 1996 },
    { name: 'Sergei Lavrov', short: ['Lavrov'], role: 'minister', from: 2004 },
    { name: 'Sergey Lavrov', role: 'minister', from: 2004 },
    { name: 'Dmitry Peskov', short: ['Peskov'], role: 'spokesperson', from: 2012 },
    { name: 'Maria Zakharova', short: ['Zakharova'], role: 'spokesperson', from: 2015 },
    { name: 'TASS', role: 'media', from: 1925 },
    { name: 'RIA Novosti', role: 'media', from: 1941 },
    { name: 'Pravda', role: 'media', from: 1918, to: 1991 },
    { name: 'Izvestia', role: 'media', from: 1917, to: 1991 },
  ],
  seoul: [
    { name: 'Syngman Rhee', short: ['Rhee'], role: 'head', from: 1948, to: 1960 },
    { name: 'Park Chung-hee', role: 'head', from: 1961, to: 1979 },
    { name: 'Chun Doo-hwan', role: 'head', from: 1980, to: 1988 },
    { name: 'Roh Tae-woo', role: 'head', from: 1988, to: 1993 },
    { name: 'Kim Young-sam', role: 'head', from: 1993, to: 1998 },
    { name: 'Kim Dae-jung', role: 'head', from: 1998, to: 2003 },
    { name: 'Roh Moo-hyun', role: 'head', from: 2003, to: 2008 },
    { name: 'Lee Myung-bak', role: 'head', from: 2008, to: 2013 },
    { name: 'Park Geun-hye', role: 'head', from: 2013, to: 2017 },
    { name: 'Moon Jae-in', short: ['Moon'], role: 'head', from: 2017, to: 2022 },
    { name: 'Yoon Suk-yeol', short: ['Yoon'], role: 'head', from: 2022, to: 2025 },
    { name: 'Yoon Suk Yeol', role: 'head', from: 2022, to: 2025 },
    { name: 'Lee Jae-myung', role: 'head', from: 2025 },
  ],
  tokyo: [
    { name: 'Shigeru Yoshida', role: 'head', from: 1946, to: 1954 },
    { name: 'Nobusuke Kishi', role: 'head', from: 1957, to: 1960 },
    { name: 'Hayato Ikeda', role: 'head', from: 1960, to: 1964 },
    { name: 'Eisaku Sato', role: 'head', from: 1964, to: 1972 },
    { name: 'Kakuei Tanaka', role: 'head', from: 1972, to: 1974 },
    { name: 'Takeo Miki', role: 'head', from: 1974, to: 1976 },
    { name: 'Takeo Fukuda', role: 'head', from: 1976, to: 1978 },
    { name: 'Masayoshi Ohira', short: ['Ohira'], role: 'head', from: 1978, to: 1980 },
    { name: 'Zenko Suzuki', role: 'head', from: 1980, to: 1982 },
    { name: 'Yasuhiro Nakasone', short: ['Nakasone'], role: 'head', from: 1982, to: 1987 },
    { name: 'Noboru Takeshita', short: ['Takeshita'], role: 'head', from: 1987, to: 1989 },
    { name: 'Toshiki Kaifu', short: ['Kaifu'], role: 'head', from: 1989, to: 1991 },
    { name: 'Kiichi Miyazawa', short: ['Miyazawa'], role: 'head', from: 1991, to: 1993 },
    { name: 'Morihiro Hosokawa', short: ['Hosokawa'], role: 'head', from: 1993, to: 1994 },
    { name: 'Tomiichi Murayama', short: ['Murayama'], role: 'head', from: 1994, to: 1996 },
    { name: 'Ryutaro Hashimoto', role: 'head', from: 1996, to: 1998 },
    { name: 'Keizo Obuchi', short: ['Obuchi'], role: 'head', from: 1998, to: 2000 },
    { name: 'Yoshiro Mori', role: 'head', from: 2000, to: 2001 },
    { name: 'Junichiro Koizumi', short: ['Koizumi'], role: 'head', from: 2001, to: 2006 },
    { name: 'Shinzo Abe', short: ['Abe'], role: 'head', from: 2006, to: 2020 },
    { name: 'Yasuo Fukuda', role: 'head', from: 2007, to: 2008 },
    { name: 'Taro Aso', role: 'head', from: 2008, to: 2009 },
    { name: 'Yukio Hatoyama', short: ['Hatoyama'], role: 'head', from: 2009, to: 2010 },
    { name: 'Naoto Kan', role: 'head', from: 2010, to: 2011 },
    { name: 'Yoshihiko Noda', role: 'head', from: 2011, to: 2012 },
    { name: 'Yoshihide Suga', role: 'head', from: 2020, to: 2021 },
    { name: 'Fumio Kishida', short: ['Kishida'], role: 'head', from: 2021, to: 2024 },
    { name: 'Shigeru Ishiba', short: ['Ishiba'], role: 'head', from: 2024, to: 2025 },
    { name: 'Sanae Takaichi', short: ['Takaichi'], role: 'head', from: 2025 },
    { name: 'Hirohito', role: 'head', from: 1926, to: 1989 },
    { name: 'Akihito', role: 'head', from: 1989, to: 2019 },
    { name: 'Naruhito', role: 'head', from: 2019 },
  ],
  washington: [
    { name: 'Harry Truman', short: ['Truman'], role: 'head', from: 1945, to: 1953 },
    { name: 'Harry S. Truman', role: 'head', from: 1945, to: 1953 },
    { name: 'Dwight Eisenhower', short: ['Eisenhower'], role: 'head', from: 1953, to: 1961 },
    { name: 'John F. Kennedy', role: 'head', from: 1961, to: 1963 },
    { name: 'Lyndon Johnson', role: 'head', from: 1963, to: 1969 },
    { name: 'Richard Nixon', short: ['Nixon'], role: 'head', from: 1969, to: 1974 },
    { name: 'Gerald Ford', role: 'head', from: 1974, to: 1977 },
    { name: 'Jimmy Carter', role: 'head', from: 1977, to: 1981 },
    { name: 'Ronald Reagan', short: ['Reagan'], role: 'head', from: 1981, to: 1989 },
    { name: 'George H. W. Bush', role: 'head', from: 1989, to: 1993 },
    { name: 'George H.W. Bush', role: 'head', from: 1989, to: 1993 },
    { name: 'Bill Clinton', short: ['Clinton'], role: 'head', from: 1993, to: 2001 },
    { name: 'George W. Bush', short: ['Bush'], role: 'head', from: 2001, to: 2009 },
    { name: 'Barack Obama', short: ['Obama'], role: 'head', from: 2009, to: 2017 },
    { name: 'Donald Trump', short: ['Trump'], role: 'head', from: 2017 },
    { name: 'Joe Biden', short: ['Biden'], role: 'head', from: 2021, to: 2025 },
    { name: 'John Foster Dulles', short: ['Dulles'], role: 'minister', from: 1953, to: 1959 },
    { name: 'Henry Kissinger', short: ['Kissinger'], role: 'minister', from: 1973, to: 1977 },
    { name: 'Madeleine Albright', short: ['Albright'], role: 'minister', from: 1997, to: 2001 },
    { name: 'Colin Powell', role: 'minister', from: 2001, to: 2005 },
    { name: 'Condoleezza Rice', role: 'minister', from: 2005, to: 2009 },
    { name: 'Hillary Clinton', role: 'minister', from: 2009, to: 2013 },
    { name: 'John Kerry', role: 'minister', from: 2013, to: 2017 },
    { name: 'Mike Pompeo', short: ['Pompeo'], role: 'minister', from: 2018, to: 2021 },
    { name: 'Antony Blinken', short: ['Blinken'], role: 'minister', from: 2021, to: 2025 },
    { name: 'Marco Rubio', short: ['Rubio'], role: 'minister', from: 2025 },
  ],
  beijing: [
    { name: 'Mao Zedong', short: ['Mao'], role: 'head', from: 1949, to: 1976 },
    { name: 'Mao Tse-tung', role: 'head', from: 1949, to: 1976 },
    { name: 'Zhou Enlai', role: 'head', from: 1949, to: 1976 },
    { name: 'Chou En-lai', role: 'head', from: 1949, to: 1976 },
    { name: 'Liu Shaoqi', role: 'head', from: 1959, to: 1968 },
    { name: 'Hua Guofeng', role: 'head', from: 1976, to: 1981 },
    { name: 'Deng Xiaoping', short: ['Deng'], role: 'head', from: 1978, to: 1992 },
    { name: 'Zhao Ziyang', role: 'head', from: 1980, to: 1989 },
    { name: 'Hu Yaobang', role: 'head', from: 1981, to: 1987 },
    { name: 'Li Peng', role: 'head', from: 1987, to: 1998 },
    { name: 'Jiang Zemin', role: 'head', from: 1989, to: 2004 },
    { name: 'Zhu Rongji', role: 'head', from: 1998, to: 2003 },
    { name: 'Hu Jintao', role: 'head', from: 2002, to: 2013 },
    { name: 'Wen Jiabao', role: 'head', from: 2003, to: 2013 },
    { name: 'Xi Jinping', short: ['Xi'], role: 'head', from: 2012 },
    { name: 'Li Keqiang', role: 'head', from: 2013, to: 2023 },
    { name: 'Li Qiang', role: 'head', from: 2023 },
    { name: 'Qian Qichen', role: 'minister', from: 1988, to: 1998 },
    { name: 'Tang Jiaxuan', role: 'minister', from: 1998, to: 2003 },
    { name: 'Li Zhaoxing', role: 'minister', from: 2003, to: 2007 },
    { name: 'Yang Jiechi', role: 'minister', from: 2007, to: 2013 },
    { name: 'Wang Yi', role: 'minister', from: 2013 },
    { name: 'Qin Gang', role: 'minister', from: 2022, to: 2023 },
    { name: 'Hua Chunying', role: 'spokesperson', from: 2012 },
    { name: 'Zhao Lijian', role: 'spokesperson', from: 2020, to: 2023 },
    { name: 'Wang Wenbin', role: 'spokesperson', from: 2020, to: 2024 },
    { name: 'Mao Ning', role: 'spokesperson', from: 2022 },
    { name: 'Lin Jian', role: 'spokesperson', from: 2024 },
    { name: 'Xinhua', role: 'media', from: 1931 },
    { name: "People's Daily", role: 'media', from: 1948 },
    { name: 'CCTV', role: 'media', from: 1958 },
  ],
  pyongyang: [
    { name: 'Kim Il-sung', role: 'head', from: 1948, to: 1994 },
    { name: 'Kim Il Sung', role: 'head', from: 1948, to: 1994 },
    { name: 'Kim Jong-il', role: 'head', from: 1994, to: 2011 },
    { name: 'Kim Jong Il', role: 'head', from: 1994, to: 2011 },
    { name: 'Kim Jong-un', role: 'head', from: 2011 },
    { name: 'Kim Jong Un', role: 'head', from: 2011 },
    { name: 'Kim Yo-jong', role: 'spokesperson', from: 2018 },
    { name: 'Kim Yo Jong', role: 'spokesperson', from: 2018 },
    { name: 'Ri Yong-ho', role: 'minister', from: 2016, to: 2020 },
    { name: 'Choe Son-hui', role: 'minister', from: 2022 },
    { name: 'KCNA', role: 'media', from: 1946 },
    { name: 'Korean Central News Agency', role: 'media', from: 1946 },
    { name: 'Rodong Sinmun', role: 'media', from: 1945 },
  ],
};
